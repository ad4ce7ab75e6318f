import { can } from './permissions';
import { ROLES } from './roles';

describe('permissions', () => {
  it('lets only operators and supervisors work alerts', () => {
    expect(ROLES.filter((role) => can(role, 'alerts.work')).sort()).toEqual(['operator', 'supervisor']);
  });

  it('lets only admins manage users, and only supervisors and admins read the audit log', () => {
    expect(ROLES.filter((role) => can(role, 'users.manage'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can(role, 'audit.read')).sort()).toEqual(['admin', 'supervisor']);
  });

  it('shows the wallboard only to supervisors and admins', () => {
    expect(ROLES.filter((role) => can(role, 'wallboard.read')).sort()).toEqual(['admin', 'supervisor']);
  });
});
