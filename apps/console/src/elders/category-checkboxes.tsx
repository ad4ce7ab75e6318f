import { ELDER_CATEGORIES } from '@eldercare/domain';
import { useI18n } from '../i18n/i18n-context';
import { categoryLabel } from '../i18n/labels';
import { ADVANCED_AGE } from './elder-draft';

/** Every registry category as a box to tick; 高龄 is ticked by the birth date, not by hand. */
export function CategoryCheckboxes({
  chosen,
  advancedAge,
  onChange,
}: {
  chosen: string[];
  advancedAge: boolean;
  onChange: (chosen: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const toggle = (category: string, on: boolean) =>
    onChange(on ? [...chosen, category] : chosen.filter((other) => other !== category));

  return (
    <div className="category-boxes" data-testid="elder-categories">
      {Object.keys(ELDER_CATEGORIES).map((category) => {
        const derived = category === ADVANCED_AGE;
        return (
          <label
            key={category}
            className={`check category-box${derived ? ' category-derived' : ''}`}
            title={derived ? t('elder-form.advanced-age-hint') : undefined}
          >
            <input
              type="checkbox"
              checked={derived ? advancedAge : chosen.includes(category)}
              disabled={derived}
              onChange={(event) => toggle(category, event.target.checked)}
              data-testid="elder-category"
              data-category={category}
            />
            {categoryLabel(category, locale)}
            {derived && <span className="muted small">{t('elder-form.by-birth-date')}</span>}
          </label>
        );
      })}
    </div>
  );
}
