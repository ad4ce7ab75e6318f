import type { UserView } from '@eldercare/contracts';
import { ROLES } from '@eldercare/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { createUser } from '../api/users-api';
import type { RegionView } from '../api/regions-api';
import { useSession } from '../app/session-context';
import { ElderPicker } from '../elders/elder-picker';
import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/labels';
import { useProviders } from '../shared/use-providers';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';
import { ProviderSelectOptions } from '../shared/provider-select-options';
import { RegionChecklist } from './region-checklist';
import {
  checkUserDraft,
  EMPTY_USER_DRAFT,
  PASSWORD_MIN_LENGTH,
  scopeKindOf,
  type UserDraft,
  type UserProblems,
} from './user-draft';

/** A new user: who, their role, and what they watch (regions for dispatch, their own elders for a family, a provider for its staff). */
export function UserForm({
  regions,
  onCreated,
  onCancel,
}: {
  regions: RegionView[];
  onCreated: (user: UserView) => void;
  onCancel: () => void;
}) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const { sending, error, run } = useSubmit();
  const [draft, setDraft] = useState<UserDraft>(EMPTY_USER_DRAFT);
  const [problems, setProblems] = useState<UserProblems>({});
  const scope = scopeKindOf(draft.role);
  const providers = useProviders();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkUserDraft(draft);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    let created: UserView | undefined;
    if (await run(async () => (created = await createUser(http, check.input)))) {
      if (created) onCreated(created);
    }
  };

  const field = (name: keyof UserProblems, label: string, control: ReactNode, hint?: string) => (
    <label className="field">
      <span>
        {label} <span className="required">*</span>
        {hint && <span className="field-hint"> {hint}</span>}
      </span>
      {control}
      {problems[name] && (
        <span className="field-problem" data-testid={`user-problem-${name}`}>
          {t(problems[name], { min: PASSWORD_MIN_LENGTH })}
        </span>
      )}
    </label>
  );

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="user-form">
      <div className="form-grid form-grid-4">
        {field(
          'username',
          t('users.col.username'),
          <input
            className="mono"
            value={draft.username}
            onChange={(event) => setDraft({ ...draft, username: event.target.value })}
            maxLength={64}
            autoComplete="off"
            aria-invalid={problems.username ? true : undefined}
            data-testid="user-username"
          />,
        )}
        {field(
          'displayName',
          t('users.col.display-name'),
          <input
            value={draft.displayName}
            onChange={(event) => setDraft({ ...draft, displayName: event.target.value })}
            maxLength={50}
            aria-invalid={problems.displayName ? true : undefined}
            data-testid="user-display-name"
          />,
        )}
        {field(
          'password',
          t('login.password'),
          <input
            type="password"
            value={draft.password}
            onChange={(event) => setDraft({ ...draft, password: event.target.value })}
            maxLength={256}
            autoComplete="new-password"
            aria-invalid={problems.password ? true : undefined}
            data-testid="user-password"
          />,
          t('user-form.password-hint', { min: PASSWORD_MIN_LENGTH }),
        )}
        {field(
          'role',
          t('users.col.role'),
          <select
            value={draft.role}
            onChange={(event) => setDraft({ ...draft, role: event.target.value as UserDraft['role'] })}
            aria-invalid={problems.role ? true : undefined}
            data-testid="user-role"
          >
            <option value="">{t('resolve.choose')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role, locale)}
              </option>
            ))}
          </select>,
        )}
      </div>
      {scope === 'regions' && (
        <div className="field">
          <span>
            {t('user-form.regions')} <span className="required">*</span>
            <span className="field-hint"> {t('user-form.regions-hint')}</span>
          </span>
          <RegionChecklist
            regions={regions}
            chosen={draft.regionIds}
            onChange={(regionIds) => setDraft({ ...draft, regionIds })}
            invalid={Boolean(problems.regionIds)}
          />
          {problems.regionIds && (
            <span className="field-problem" data-testid="user-problem-regionIds">
              {t(problems.regionIds)}
            </span>
          )}
        </div>
      )}
      {scope === 'elders' && (
        <div className="field">
          <span>
            {t('user-form.elders')} <span className="required">*</span>
          </span>
          <ElderPicker
            value={draft.elders}
            onChange={(elders) => setDraft({ ...draft, elders })}
            multiple
            invalid={Boolean(problems.elders)}
            testId="user-elders"
          />
          {problems.elders && (
            <span className="field-problem" data-testid="user-problem-elders">
              {t(problems.elders)}
            </span>
          )}
        </div>
      )}
      {scope === 'provider' &&
        field(
          'providerId',
          t('user-form.provider'),
          <select
            value={draft.providerId}
            onChange={(event) => setDraft({ ...draft, providerId: event.target.value })}
            aria-invalid={problems.providerId ? true : undefined}
            data-testid="user-provider"
          >
            <ProviderSelectOptions providers={providers} />
          </select>,
        )}
      <FormError message={error} testId="user-form-error" />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={sending} data-testid="user-submit">
          {sending ? t('form.sending') : t('user-form.submit')}
        </button>
        <button type="button" className="button-plain" onClick={onCancel} data-testid="user-cancel">
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
