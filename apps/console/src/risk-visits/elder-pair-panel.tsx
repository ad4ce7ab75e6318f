import type { ElderPairView, PairKind, RiskLevel, RiskVisitMode, VisitConcern } from '@eldercare/contracts';
import { can, PAIR_KINDS, RISK_LEVELS, VISIT_CONCERN_CODES } from '@eldercare/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { fetchElderPair, recordRiskVisit, setElderPair } from '../api/risk-visits-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';

/** 结对帮扶: the elder's risk level and named pair, when the next visit is due, the visits made, and a new one. */
export function ElderPairPanel({ elderId }: { elderId: string }) {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const pair = useQuery({
    queryKey: ['elder-pair', elderId],
    queryFn: () => fetchElderPair(http, elderId),
    retry: false,
  });
  const unpaired = pair.error instanceof ApiError && pair.error.code === 'elder-pair-not-found';
  const reload = () => void pair.refetch();

  return (
    <Panel title={t('pair.title')} testId="elder-pair-panel">
      {pair.error && !unpaired && <FormError message={errorText(pair.error, locale)} />}
      {unpaired && <p className="muted">{t('pair.none')}</p>}
      {pair.data && <PairFacts pair={pair.data} />}
      {can(user.role, 'pairs.write') && (unpaired || pair.data) && (
        <PairForm elderId={elderId} current={pair.data} onDone={reload} />
      )}
      {pair.data && can(user.role, 'risk-visits.record') && <VisitForm elderId={elderId} onDone={reload} />}
    </Panel>
  );
}

function PairFacts({ pair }: { pair: ElderPairView }) {
  const { t } = useI18n();
  return (
    <div data-testid="elder-pair" data-overdue={pair.overdue}>
      <p>
        <strong>{t(`risk-level.${pair.riskLevel}`)}</strong> · {t(`pair-kind.${pair.pairKind}`)} {pair.pairName}{' '}
        <a href={`tel:${pair.pairPhone}`}>{pair.pairPhone}</a>
      </p>
      <p className={pair.overdue ? 'form-error' : 'muted'} data-testid="elder-pair-due">
        {t(pair.overdue ? 'pair.overdue-since' : 'pair.due', { at: formatDateTime(pair.dueAt), days: pair.everyDays })}
      </p>
      <ol className="plain-list" data-testid="elder-pair-visits">
        {pair.visits.map((visit) => (
          <li key={visit.id}>
            <span className="mono">{formatDateTime(visit.visitedAt)}</span> {t(`visit-mode.${visit.mode}`)} ·{' '}
            {visit.visitor} · {visit.concerns.map((concern) => t(`visit-concern.${concern}`)).join('、')}{' '}
            {visit.findings}
          </li>
        ))}
      </ol>
    </div>
  );
}

function PairForm({ elderId, current, onDone }: { elderId: string; current?: ElderPairView; onDone: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [riskLevel, setRiskLevel] = useState<RiskLevel>(current?.riskLevel ?? 'key');
  const [pairKind, setPairKind] = useState<PairKind>(current?.pairKind ?? 'community-worker');
  const [pairName, setPairName] = useState(current?.pairName ?? '');
  const [pairPhone, setPairPhone] = useState(current?.pairPhone ?? '');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => setElderPair(http, elderId, { riskLevel, pairKind, pairName, pairPhone }).then(onDone));
      }}
    >
      <select value={riskLevel} onChange={(e) => setRiskLevel(e.target.value as RiskLevel)} data-testid="pair-risk">
        {RISK_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`risk-level.${level}`)}
          </option>
        ))}
      </select>
      <select value={pairKind} onChange={(e) => setPairKind(e.target.value as PairKind)} data-testid="pair-kind">
        {PAIR_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`pair-kind.${kind}`)}
          </option>
        ))}
      </select>
      <input
        placeholder={t('pair.name')}
        value={pairName}
        onChange={(e) => setPairName(e.target.value)}
        data-testid="pair-name"
      />
      <input
        placeholder={t('pair.phone')}
        value={pairPhone}
        onChange={(e) => setPairPhone(e.target.value)}
        data-testid="pair-phone"
      />
      <button type="submit" disabled={sending} data-testid="pair-save">
        {t('pair.save')}
      </button>
      <FormError message={error} />
    </form>
  );
}

function VisitForm({ elderId, onDone }: { elderId: string; onDone: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [mode, setMode] = useState<RiskVisitMode>('home');
  const [findings, setFindings] = useState('');
  const [concerns, setConcerns] = useState<VisitConcern[]>([]);
  const toggle = (concern: VisitConcern) =>
    setConcerns((before) => (before.includes(concern) ? before.filter((c) => c !== concern) : [...before, concern]));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await recordRiskVisit(http, elderId, { mode, findings, concerns });
          setFindings('');
          setConcerns([]);
          onDone();
        });
      }}
    >
      <select value={mode} onChange={(e) => setMode(e.target.value as RiskVisitMode)} data-testid="risk-visit-mode">
        <option value="home">{t('visit-mode.home')}</option>
        <option value="phone">{t('visit-mode.phone')}</option>
      </select>
      {VISIT_CONCERN_CODES.map((concern) => (
        <label key={concern}>
          <input type="checkbox" checked={concerns.includes(concern)} onChange={() => toggle(concern)} />
          {t(`visit-concern.${concern}`)}
        </label>
      ))}
      <input
        placeholder={t('pair.findings')}
        value={findings}
        onChange={(e) => setFindings(e.target.value)}
        data-testid="risk-visit-findings"
      />
      <button type="submit" disabled={sending} data-testid="risk-visit-save">
        {t('pair.record-visit')}
      </button>
      <FormError message={error} />
    </form>
  );
}
