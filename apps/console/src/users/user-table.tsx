import type { UserView } from '@eldercare/contracts';
import type { RegionView } from '../api/regions-api';
import { disableUser } from '../api/users-api';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/labels';
import { ConfirmAction } from '../shared/confirm-action';
import { scopeKindOf } from './user-draft';

/** Every user with their role and what they watch; disabling is offered for anyone but oneself. */
export function UserTable({
  users,
  regions,
  onChanged,
}: {
  users: UserView[];
  regions: RegionView[];
  onChanged: () => void;
}) {
  const { http, user: me } = useSession();
  const { t, locale } = useI18n();
  const regionName = new Map(regions.map((region) => [region.id, region.name]));

  const scope = (user: UserView) => {
    const kind = scopeKindOf(user.role);
    if (kind === 'regions') {
      if (user.regionIds.length === 0) return <span className="form-error">{t('users.scope-none')}</span>;
      return user.regionIds.map((id) => regionName.get(id) ?? id).join('、');
    }
    if (kind === 'elders') return t('users.scope-elders', { count: user.elderIds.length });
    if (user.providerId) return <span className="muted">{t('users.scope-provider')}</span>;
    return <span className="muted">—</span>;
  };

  return (
    <table className="data-table" data-testid="user-table">
      <thead>
        <tr>
          <th>{t('users.col.username')}</th>
          <th>{t('users.col.display-name')}</th>
          <th>{t('users.col.role')}</th>
          <th>{t('users.col.scope')}</th>
          <th>{t('users.col.created')}</th>
          <th>{t('users.col.status')}</th>
          <th className="actions-col" />
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr
            key={user.id}
            data-testid="user-row"
            data-user-id={user.id}
            data-disabled={user.disabled}
            className={user.disabled ? 'row-retired' : undefined}
          >
            <td className="mono">{user.username}</td>
            <td>
              {user.displayName}
              {user.id === me.id && <span className="muted small"> {t('users.you')}</span>}
            </td>
            <td className="nowrap">{roleLabel(user.role, locale)}</td>
            <td data-testid="user-scope">{scope(user)}</td>
            <td className="mono nowrap">{formatDateTime(user.createdAt)}</td>
            <td>
              {user.disabled ? (
                <span className="pill" data-testid="user-status">
                  {t('users.disabled')}
                </span>
              ) : (
                <span className="pill pill-ok" data-testid="user-status">
                  {t('users.active')}
                </span>
              )}
            </td>
            <td className="actions-col">
              {!user.disabled && user.id !== me.id && (
                <ConfirmAction
                  label={t('users.disable')}
                  question={t('users.disable-question', { name: user.displayName, username: user.username })}
                  confirmLabel={t('users.disable-confirm')}
                  onConfirm={async () => {
                    await disableUser(http, user.id);
                    onChanged();
                  }}
                  testId="user-disable"
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
