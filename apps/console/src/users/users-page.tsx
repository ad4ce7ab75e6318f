import type { UserView } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchUsers } from '../api/users-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { useRegions } from '../shared/use-regions';
import { FormError } from '../shared/form-error';
import { UserForm } from './user-form';
import { UserTable } from './user-table';

/** 用户管理 (admins): who may sign in, as what, watching which regions or elders. */
export function UsersPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const regions = useRegions() ?? [];
  const { data: users, error, refetch } = useQuery({ queryKey: ['users'], queryFn: () => fetchUsers(http) });
  const load = () => void refetch();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<UserView | null>(null);

  return (
    <section className="registry" data-testid="users-page">
      <header className="page-head">
        <h1>{t('users.title')}</h1>
        {users && <span className="count">{t('users.total', { count: users.length })}</span>}
        {!creating && (
          <div className="page-actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setCreated(null);
                setCreating(true);
              }}
              data-testid="user-create-open"
            >
              {t('users.new')}
            </button>
          </div>
        )}
      </header>
      {created && (
        <div className="result-box result-ok" role="status" data-testid="user-created">
          {t('users.created', { name: created.displayName, username: created.username })}
        </div>
      )}
      {creating && (
        <Panel title={t('users.new')} testId="user-create">
          <UserForm
            regions={regions}
            onCreated={(user) => {
              setCreating(false);
              setCreated(user);
              load();
            }}
            onCancel={() => setCreating(false)}
          />
        </Panel>
      )}
      <FormError message={error === null ? null : errorText(error, locale)} testId="users-error" />
      {users ? (
        <UserTable users={users} regions={regions} onChanged={load} />
      ) : (
        error === null && <p className="muted">{t('app.loading')}</p>
      )}
    </section>
  );
}
