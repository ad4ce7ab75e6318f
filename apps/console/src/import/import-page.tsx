import type { ImportReport } from '@eldercare/contracts';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { importElders } from '../api/elders-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { useSubmit } from '../shared/use-submit';
import { FormError } from '../shared/form-error';
import { CsvColumnsTable } from './csv-columns-table';
import { csvShape, withoutBom } from './elder-csv';
import { importReportOf } from './import-report';
import { ImportProblemsTable } from './import-problems-table';
import { TemplateLink } from './template-link';

interface Source {
  /** The file picked, or null for pasted text. */
  file: File | null;
  /** What the file read as, or the pasted text; what is sent once edited. */
  text: string;
  /** The text has not been changed since the file was read: the file's own bytes are sent. */
  asRead: boolean;
}

/** 批量导入: a CSV of elders, all rows or none; the problems by line and column when any row is wrong. */
export function ImportPage() {
  const { http } = useSession();
  const { t } = useI18n();
  const { sending, error, run } = useSubmit();
  const [source, setSource] = useState<Source>({ file: null, text: '', asRead: false });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const shape = source.text.trim() === '' ? null : csvShape(source.text);

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setReport(null);
    if (!file) return;
    setSource({ file, text: await file.text(), asRead: true });
  };

  const paste = (text: string) => {
    setReport(null);
    setSource({ ...source, text, asRead: false });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setUnreadable(false);
    await run(async () => {
      const body = source.file && source.asRead ? source.file : withoutBom(source.text);
      const answer = importReportOf(await importElders(http, body));
      if (answer) setReport(answer);
      else setUnreadable(true);
    });
  };

  const failed = report !== null && report.problems.length > 0;

  return (
    <section data-testid="import-page">
      <Link to="/elders" className="back-link">
        ← {t('elder-page.back')}
      </Link>
      <header className="page-head">
        <h1>{t('import.title')}</h1>
        <span className="muted">{t('import.all-or-nothing')}</span>
      </header>
      <div className="import-grid">
        <Panel title={t('import.step-file')} aside={<TemplateLink />} testId="import-format">
          <p className="muted small">{t('import.format-hint')}</p>
          <CsvColumnsTable />
        </Panel>
        <div className="case-column">
          <Panel title={t('import.step-send')} testId="import-source">
            <form className="inline-form" onSubmit={submit} data-testid="import-form">
              <label className="field">
                <span>{t('import.file')}</span>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(event) => void pickFile(event)}
                  data-testid="import-file"
                />
              </label>
              <label className="field">
                <span>
                  {source.file && source.asRead
                    ? t('import.file-content', { name: source.file.name })
                    : t('import.paste')}
                </span>
                <textarea
                  className="mono csv-text"
                  rows={8}
                  value={source.text}
                  onChange={(event) => paste(event.target.value)}
                  placeholder={t('import.paste-hint')}
                  spellCheck={false}
                  data-testid="import-text"
                />
              </label>
              {shape && (
                <div className="csv-shape" data-testid="import-shape">
                  <span>{t('import.rows', { count: shape.rows })}</span>
                  {shape.missing.length > 0 && (
                    <span className="form-error" data-testid="import-missing-columns">
                      {t('import.missing-columns', { columns: shape.missing.join(', ') })}
                    </span>
                  )}
                  {shape.notUtf8 && (
                    <span className="form-error" data-testid="import-not-utf8">
                      {t('import.not-utf8')}
                    </span>
                  )}
                  {shape.unknown.length > 0 && (
                    <span className="warn-text" data-testid="import-unknown-columns">
                      {t('import.unknown-columns', { columns: shape.unknown.join(', ') })}
                    </span>
                  )}
                </div>
              )}
              <FormError message={error} testId="import-error" />
              {unreadable && (
                <p className="form-error" role="alert" data-testid="import-error">
                  {t('import.unreadable')}
                </p>
              )}
              <button
                type="submit"
                className="button-primary"
                disabled={sending || !shape || shape.rows === 0}
                data-testid="import-submit"
              >
                {sending ? t('import.sending') : t('import.submit', { count: shape?.rows ?? 0 })}
              </button>
            </form>
          </Panel>
          {report && !failed && (
            <div
              className="result-box result-ok"
              role="status"
              data-testid="import-done"
              data-imported={report.imported}
            >
              <strong>{t('import.done', { count: report.imported })}</strong>
              <Link to="/elders">{t('import.to-list')}</Link>
            </div>
          )}
          {failed && (
            <div className="result-box result-failed" role="alert" data-testid="import-failed">
              <strong>{t('import.nothing-imported')}</strong>
              <p>{t('import.fix-and-resend', { count: report.problems.length })}</p>
              <ImportProblemsTable problems={report.problems} />
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
