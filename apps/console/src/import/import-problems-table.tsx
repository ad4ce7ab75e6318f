import { ELDER_CSV_COLUMNS, type ImportProblem } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { problemsInOrder } from './import-report';

/** What the api found wrong, by line of the file (the header is line 1) and column. */
export function ImportProblemsTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  return (
    <table className="data-table compact" data-testid="import-problems">
      <thead>
        <tr>
          <th className="numeric">{t('import.col.line')}</th>
          <th>{t('import.col.column')}</th>
          <th>{t('import.col.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {problemsInOrder(problems, ELDER_CSV_COLUMNS).map((problem, index) => (
          <tr key={index} data-testid="import-problem" data-line={problem.line} data-column={problem.column}>
            <td className="numeric mono">{problem.line}</td>
            <td className="mono">
              {problem.column === '' ? <span className="muted">{t('import.whole-line')}</span> : problem.column}
            </td>
            <td>{problem.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
