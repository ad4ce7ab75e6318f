import type { WallboardShare } from '@eldercare/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { fetchWallboard } from '../api/wallboard-api';
import { useRequiredConsole } from '../app/console-session';
import { useSession } from '../app/session-context';
import { ConnectionIndicator } from '../app/connection-indicator';
import { formatDuration } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { roleLabel } from '../i18n/labels';
import { SeverityBadge } from '../queue/severity-badge';
import { useNow } from '../shared/use-now';
import { HourChart } from './hour-chart';
import { openAlertFigures } from './open-alert-figures';

const WALLBOARD_KEY = ['wallboard'];
/** Alerts still waiting pass their limits with no event to say so: the figures are read again this often too. */
const REFRESH_MS = 15_000;

/**
 * 监控大屏: a full-screen page for the supervisor. The open alerts come live from the queue's socket feed (which
 * replays what it missed after a reconnect); today's figures are read again whenever an alert changes.
 */
export function WallboardPage() {
  const { http } = useSession();
  const { feed, queue } = useRequiredConsole();
  const queries = useQueryClient();
  const { t, locale } = useI18n();
  const now = useNow();
  const { alerts } = useSyncExternalStore(queue.subscribe, queue.current);
  const { data: board } = useQuery({
    queryKey: WALLBOARD_KEY,
    queryFn: () => fetchWallboard(http),
    refetchInterval: REFRESH_MS,
  });
  useEffect(() => feed.onEvent(() => void queries.invalidateQueries({ queryKey: WALLBOARD_KEY })), [feed, queries]);

  const open = openAlertFigures(alerts, now);

  return (
    <section className="wallboard" data-testid="wallboard">
      <header className="wallboard-head">
        <h1>{t('wallboard.title')}</h1>
        <ConnectionIndicator />
        <button
          type="button"
          className="button-link small"
          onClick={() => void document.documentElement.requestFullscreen?.()}
        >
          {t('wallboard.full-screen')}
        </button>
        <Link className="button-link small" to="/">
          {t('wallboard.leave')}
        </Link>
      </header>
      <div className="wallboard-grid">
        <section className="wallboard-tile" data-testid="wallboard-open">
          <h2>{t('wallboard.open')}</h2>
          <table className="data-table compact">
            <tbody>
              {open.bySeverity.map((figure) => (
                <tr key={figure.severity} data-severity={figure.severity}>
                  <td>
                    <SeverityBadge severity={figure.severity} />
                  </td>
                  <td className="numeric big" data-testid="wallboard-open-count">
                    {figure.open}
                  </td>
                  <td className="muted">
                    {figure.oldestSec === null
                      ? ''
                      : t('wallboard.oldest', { age: formatDuration(figure.oldestSec, locale) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="wallboard-counts">
            <span className={open.unclaimed > 0 ? 'count count-attention' : 'count'} data-testid="wallboard-unclaimed">
              {t('wallboard.unclaimed', { count: open.unclaimed })}
            </span>
            <span className={open.escalated > 0 ? 'count count-alarm' : 'count'} data-testid="wallboard-escalated">
              {t('wallboard.escalated', { count: open.escalated })}
            </span>
          </p>
        </section>
        {board && (
          <>
            <section className="wallboard-tile" data-testid="wallboard-answered">
              <h2>{t('wallboard.answered-today')}</h2>
              <ShareFigure
                label={t('wallboard.within', { sec: board.limits.targetSec })}
                share={board.answered.withinTarget}
                goal={board.limits.targetGoal}
                testId="wallboard-share-target"
              />
              <ShareFigure
                label={t('wallboard.within', { sec: board.limits.worstSec })}
                share={board.answered.withinWorst}
                goal={board.limits.worstGoal}
                testId="wallboard-share-worst"
              />
            </section>
            <section className="wallboard-tile" data-testid="wallboard-on-duty">
              <h2>{t('wallboard.on-duty', { count: board.onDuty.length })}</h2>
              <ul className="plain-list">
                {board.onDuty.map((person) => (
                  <li key={person.id}>
                    {person.displayName} <span className="muted">{roleLabel(person.role, locale)}</span>{' '}
                    <span className="count">{t('wallboard.cases', { count: person.cases })}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="wallboard-tile" data-testid="wallboard-devices">
              <h2>{t('wallboard.devices')}</h2>
              <p className="wallboard-counts">
                <span className="count" data-testid="wallboard-offline">
                  {t('wallboard.offline', { count: board.devices.offline })}
                </span>
                <span className="count" data-testid="wallboard-low-battery">
                  {t('wallboard.low-battery', {
                    count: board.devices.lowBattery,
                    percent: board.devices.lowBelowPercent,
                  })}
                </span>
              </p>
              <h2>{t('wallboard.missed-visits')}</h2>
              {board.missedVisits.length === 0 && <p className="muted">{t('wallboard.none')}</p>}
              <ul className="plain-list" data-testid="wallboard-missed">
                {board.missedVisits.map((row) => (
                  <li key={row.provider.id}>
                    {row.provider.name} <span className="count count-attention">{row.missed}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="wallboard-tile wallboard-wide">
              <HourChart hours={board.hours} caption={t('wallboard.hours')} />
            </section>
          </>
        )}
      </div>
    </section>
  );
}

/** One share against its goal: green when it meets it, red when not, grey while nothing is decided. */
function ShareFigure({
  label,
  share,
  goal,
  testId,
}: {
  label: string;
  share: WallboardShare;
  goal: number;
  testId: string;
}) {
  const { t } = useI18n();
  const state = share.percent === null ? 'none' : share.percent >= goal ? 'met' : 'missed';
  return (
    <div className={`share share-${state}`} data-testid={testId} data-percent={share.percent ?? ''}>
      <span className="share-label">{label}</span>
      <span className="share-value">{share.percent === null ? '—' : `${share.percent}%`}</span>
      <span className="muted">{t('wallboard.share-of', { within: share.within, decided: share.decided, goal })}</span>
    </div>
  );
}
