import type { ElderCard, ElderInput } from '@eldercare/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error';
import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { fieldProblems } from '../shared/field-problems';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { CategoryCheckboxes } from './category-checkboxes';
import { CommunitySelect } from './community-select';
import { ContactsEditor } from './contacts-editor';
import {
  ADVANCED_AGE_YEARS,
  ageFromBirthDate,
  checkElderDraft,
  elderFieldOf,
  TEXT_LIMITS,
  type ElderDraft,
  type ElderField,
  type ElderProblems,
} from './elder-draft';

type TextField =
  'name' | 'birthDate' | 'idNumber' | 'phone' | 'address' | 'keySafeCode' | 'homeLat' | 'homeLon' | 'medicalNotes';

/**
 * An elder's record to create or change. What can be checked here is checked before sending; what the api refuses
 * is shown under the fields it names, and the whole answer beside the buttons.
 */
export function ElderForm({
  initial,
  regions,
  submitLabel,
  cancelPath,
  save,
  onSaved,
}: {
  initial: ElderDraft;
  regions: RegionView[];
  submitLabel: string;
  cancelPath: string;
  save: (input: ElderInput) => Promise<ElderCard>;
  onSaved: (card: ElderCard) => void;
}) {
  const { t } = useI18n();
  const { sending, error, failure, run } = useSubmit();
  const [draft, setDraft] = useState<ElderDraft>(initial);
  const [problems, setProblems] = useState<ElderProblems>({});
  const age = ageFromBirthDate(draft.birthDate, Date.now());

  const refused = new Map<ElderField, string>();
  const unplaced: string[] = [];
  for (const problem of fieldProblems(failure)) {
    const field = elderFieldOf(problem.path);
    if (field && !refused.has(field)) refused.set(field, problem.message);
    else unplaced.push(`${problem.path}: ${problem.message}`);
  }
  const refusal = failure instanceof ApiError ? failure : null;
  const invalid = refusal?.code === 'invalid-request';

  const problemOf = (field: ElderField): string | undefined => {
    const mine = problems[field];
    return mine ? t(mine) : refused.get(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkElderDraft(draft, Date.now());
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    let saved: ElderCard | undefined;
    if (await run(async () => (saved = await save(check.input)))) {
      if (saved) onSaved(saved);
    }
  };

  const set = (field: TextField) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  const field = (
    name: ElderField,
    label: string,
    control: ReactNode,
    options: { required?: boolean; wide?: boolean; hint?: ReactNode } = {},
  ) => {
    const problem = problemOf(name);
    return (
      <label className={`field${options.wide ? ' field-wide' : ''}`}>
        <span>
          {label}
          {options.required && <span className="required"> *</span>}
          {options.hint && <span className="field-hint"> {options.hint}</span>}
        </span>
        {control}
        {problem && (
          <span className="field-problem" data-testid={`elder-problem-${name}`}>
            {problem}
          </span>
        )}
      </label>
    );
  };

  const text = (
    name: TextField,
    testId: string,
    extra: { mono?: boolean; type?: string; placeholder?: string; maxLength?: number } = {},
  ) => (
    <input
      type={extra.type ?? 'text'}
      className={extra.mono ? 'mono' : undefined}
      value={draft[name]}
      onChange={set(name)}
      placeholder={extra.placeholder}
      maxLength={extra.maxLength}
      aria-invalid={problemOf(name) ? true : undefined}
      data-testid={testId}
    />
  );

  return (
    <form className="elder-form" onSubmit={submit} noValidate data-testid="elder-form">
      <div className="elder-form-grid">
        <div className="case-column">
          <Panel title={t('elder-form.basic')}>
            <div className="form-grid">
              {field('name', t('elder-form.name'), text('name', 'elder-name-input', { maxLength: TEXT_LIMITS.name }), {
                required: true,
              })}
              {field(
                'gender',
                t('elder-form.gender'),
                <span className="radio-row" role="radiogroup">
                  {(['female', 'male'] as const).map((gender) => (
                    <label key={gender} className="check">
                      <input
                        type="radio"
                        name="gender"
                        checked={draft.gender === gender}
                        onChange={() => setDraft({ ...draft, gender })}
                        data-testid="elder-gender"
                        data-gender={gender}
                      />
                      {t(`gender-long.${gender}`)}
                    </label>
                  ))}
                </span>,
                { required: true },
              )}
              {field(
                'birthDate',
                t('elder.birth-date'),
                text('birthDate', 'elder-birth-date-input', { type: 'date' }),
                {
                  required: true,
                  hint: age !== null && age >= 0 ? t('elder.age', { age }) : undefined,
                },
              )}
              {field(
                'idNumber',
                t('elder.id-number'),
                text('idNumber', 'elder-id-number-input', {
                  mono: true,
                  placeholder: t('elder-form.id-number-hint'),
                  maxLength: 18,
                }),
                {
                  required: true,
                },
              )}
              {field('phone', t('elder.phone'), text('phone', 'elder-phone-input', { mono: true, type: 'tel' }))}
              {field(
                'communityId',
                t('elder.place'),
                <CommunitySelect
                  regions={regions}
                  value={draft.communityId}
                  onChange={(communityId) => setDraft({ ...draft, communityId })}
                  invalid={Boolean(problemOf('communityId'))}
                />,
                { required: true },
              )}
              {field(
                'address',
                t('elder.address'),
                text('address', 'elder-address-input', { maxLength: TEXT_LIMITS.address }),
                { required: true, wide: true },
              )}
              {field(
                'keySafeCode',
                t('elder.key-safe'),
                text('keySafeCode', 'elder-key-safe-input', {
                  mono: true,
                  placeholder: t('elder-form.key-safe-hint'),
                  maxLength: TEXT_LIMITS.keySafeCode,
                }),
              )}
            </div>
          </Panel>
          <Panel title={t('elder-form.categories')}>
            <CategoryCheckboxes
              chosen={draft.categories}
              advancedAge={age !== null && age >= ADVANCED_AGE_YEARS}
              onChange={(categories) => setDraft({ ...draft, categories })}
            />
            {problemOf('categories') && <span className="field-problem">{problemOf('categories')}</span>}
          </Panel>
          <Panel title={t('elder.medical-notes')}>
            <label className="field">
              <textarea
                rows={3}
                value={draft.medicalNotes}
                onChange={set('medicalNotes')}
                maxLength={TEXT_LIMITS.medicalNotes}
                aria-label={t('elder.medical-notes')}
                data-testid="elder-medical-notes-input"
              />
            </label>
          </Panel>
        </div>
        <div className="case-column">
          <Panel title={t('elder-form.contacts')}>
            <ContactsEditor
              contacts={draft.contacts}
              onChange={(contacts) => setDraft({ ...draft, contacts })}
              problems={(index) => problemOf(`contacts.${index}`) ?? (index === 0 ? problemOf('contacts') : undefined)}
            />
          </Panel>
          <Panel title={t('elder-form.home')}>
            <div className="form-grid">
              {field(
                'homeLat',
                t('elder-form.lat'),
                text('homeLat', 'elder-home-lat', { mono: true, placeholder: '28.683' }),
              )}
              {field(
                'homeLon',
                t('elder-form.lon'),
                text('homeLon', 'elder-home-lon', { mono: true, placeholder: '115.898' }),
              )}
            </div>
            <p className="muted small">{t('elder-form.home-hint')}</p>
          </Panel>
          <div className="form-submit panel" data-testid="elder-form-actions">
            {Object.keys(problems).length > 0 && (
              <p className="form-error" role="alert" data-testid="elder-form-problems">
                {t('elder-form.fix-marked')}
              </p>
            )}
            {error && (
              <div className="server-error" role="alert" data-testid="elder-form-error" data-code={refusal?.code}>
                <strong>{invalid ? t('elder-form.refused') : error}</strong>
                {invalid && unplaced.length > 0 && (
                  <ul>
                    {unplaced.map((line) => (
                      <li key={line} className="mono">
                        {line}
                      </li>
                    ))}
                  </ul>
                )}
                {invalid && unplaced.length === 0 && refused.size === 0 && <p className="mono">{refusal.message}</p>}
              </div>
            )}
            <div className="form-actions">
              <button type="submit" className="button-primary" disabled={sending} data-testid="elder-form-submit">
                {sending ? t('form.sending') : submitLabel}
              </button>
              <Link to={cancelPath} className="button-plain" data-testid="elder-form-cancel">
                {t('form.cancel')}
              </Link>
            </div>
          </div>
        </div>
      </div>
    </form>
  );
}
