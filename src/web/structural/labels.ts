import type { Locale } from '../../domain/org';
import { categoryLabel } from '../../domain/structural/categories';
import type { ObservationView } from '../../domain/structural/observations';

/** The phenomenon as the reader's language names it (THL's category, or "other: …"). */
export const phenomenonOf = (o: Pick<ObservationView, 'category' | 'categoryOther'>, locale: Locale): string => categoryLabel(o.category, o.categoryOther, locale);

export const asLocale = (language: string): Locale => (language === 'sv' || language === 'en' ? language : 'fi');
