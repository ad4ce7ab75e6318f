import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { elderCsvTemplate } from './elder-csv';

/** Downloads the CSV template: the header row and one example, ready to fill in Excel or WPS. */
export function TemplateLink() {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    const made = URL.createObjectURL(new Blob([elderCsvTemplate()], { type: 'text/csv;charset=utf-8' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, []);

  return (
    <a
      className="button-secondary"
      href={url ?? undefined}
      download="elder-import-template.csv"
      data-testid="import-template"
    >
      ⤓ {t('import.template')}
    </a>
  );
}
