import { useI18n } from '../i18n/i18n-context';
import { categoryLabel } from '../i18n/labels';

export function CategoryTags({ categories }: { categories: readonly string[] }) {
  const { locale } = useI18n();
  return (
    <span className="tags">
      {categories.map((category) => (
        <span key={category} className={`tag tag-${category}`}>
          {categoryLabel(category, locale)}
        </span>
      ))}
    </span>
  );
}
