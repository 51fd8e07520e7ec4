import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import { noTranslations, TranslationFields } from '../common/translation-fields';
import { type FieldErrors, type RoomRow, newRowKey, roomFieldId } from './site-form-values';

type RoomsEditorProps = { rows: RoomRow[]; errors: FieldErrors; onChange: (rows: RoomRow[]) => void };

export function RoomsEditor({ rows, errors, onChange }: RoomsEditorProps) {
  const { t } = useTranslation();
  const rename = (key: string, name: string): void =>
    onChange(rows.map((row) => (row.key === key ? { ...row, name } : row)));

  return (
    <fieldset className="rooms-editor">
      <legend className="fieldset-legend">{t('sites.rooms.legend')}</legend>
      {rows.length === 0 && <p className="muted">{t('sites.rooms.none')}</p>}
      {rows.map((row, index) => (
        <div key={row.key} className="room-block">
        <div className="room-row">
          <TextInput
            id={roomFieldId(row)}
            labelText={t('sites.rooms.label', { number: index + 1 })}
            value={row.name}
            onChange={(value) => rename(row.key, String(value ?? ''))}
            status={errors[roomFieldId(row)] ? 'error' : 'default'}
            statusText={errors[roomFieldId(row)]}
          />
          <Button
            variant="secondaryNoBorder"
            onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            aria-label={t('sites.rooms.removeLabel', { number: index + 1 })}
          >
            {t('common.remove')}
          </Button>
        </div>
          {/* Public pages show the reader's language; a room without versions keeps its Finnish name. */}
          <TranslationFields
            idBase={roomFieldId(row)}
            fieldLabel={t('sites.rooms.label', { number: index + 1 })}
            values={{ sv: row.sv, en: row.en }}
            onChange={(versions) => onChange(rows.map((other) => (other.key === row.key ? { ...other, ...versions } : other)))}
            maxLength={100}
          />
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { key: newRowKey(), name: '', ...noTranslations() }])}>
        {t('sites.rooms.add')}
      </Button>
    </fieldset>
  );
}
