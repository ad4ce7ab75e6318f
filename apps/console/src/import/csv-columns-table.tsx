import { ELDER_CSV_COLUMNS } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { EXAMPLE_ROW, OPTIONAL_COLUMNS } from './elder-csv';

/** The columns the api expects, in order: what goes in each, whether it may be empty, and an example. */
export function CsvColumnsTable() {
  const { t, code } = useI18n();
  return (
    <table className="data-table compact" data-testid="import-columns">
      <thead>
        <tr>
          <th className="numeric">#</th>
          <th>{t('import.col.column')}</th>
          <th>{t('import.col.meaning')}</th>
          <th>{t('import.col.required')}</th>
          <th>{t('import.col.example')}</th>
        </tr>
      </thead>
      <tbody>
        {ELDER_CSV_COLUMNS.map((column, index) => (
          <tr key={column} data-testid="import-column" data-column={column}>
            <td className="numeric muted">{index + 1}</td>
            <td className="mono nowrap">{column}</td>
            <td>{code('csv-column', column)}</td>
            <td className="nowrap">
              {OPTIONAL_COLUMNS.includes(column) ? (
                <span className="muted">{t('import.optional')}</span>
              ) : (
                t('import.required')
              )}
            </td>
            <td className="mono small example-cell">{EXAMPLE_ROW[column]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
