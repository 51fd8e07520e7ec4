import { useTranslation } from 'react-i18next';
import { formatVisitorCode } from '../../domain/visitor-code';

/**
 * The code in large letters, grouped in two like the card ("ACD EFH7"), so it can be read aloud
 * and compared at a glance. A screen reader gets it letter by letter instead of as one odd word.
 */
export function CodeLetters({ code, isRetired }: { code: string; isRetired: boolean }) {
  const { t } = useTranslation();
  const [first = '', second = ''] = formatVisitorCode(code).split('-');
  return (
    <p className={`visitor-code-letters${isRetired ? ' visitor-code-letters--retired' : ''}`} data-testid="visitor-code-letters">
      <span aria-hidden="true">
        <span className="visitor-code-letters__group">{first}</span> <span className="visitor-code-letters__group">{second}</span>
      </span>
      <span className="visually-hidden">{t('visitors.codeSpelled', { letters: [...code].join(' ') })}</span>
    </p>
  );
}
