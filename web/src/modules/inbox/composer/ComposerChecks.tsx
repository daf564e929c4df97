import type { ReplyCheck } from '@contracts/reply-checks';
import { useMessages } from '../../../app/i18n';
import { CheckboxField, Heading } from '../../../ui';
import { composerMessages } from './composer-messages';

export interface ComposerChecksProps {
  check: ReplyCheck;
  toneQuestions: string[];
  ticked: boolean[];
  onTick: (index: number, checked: boolean) => void;
  confirmedWarnings: boolean;
  onConfirmWarnings: (checked: boolean) => void;
  disabled: boolean;
}

// The same checks the server runs, shown while the agent types; the tone code is a checklist to tick.
export function ComposerChecks({ check, toneQuestions, ticked, onTick, confirmedWarnings, onConfirmWarnings, disabled }: ComposerChecksProps) {
  const t = useMessages(composerMessages);
  return (
    <section className="plein-composer__checks" aria-labelledby="composer-controle" id="composer-controle-sectie" tabIndex={-1}>
      <Heading level={3} id="composer-controle">
        {t('checksHeading')}
      </Heading>
      {check.blocking.length === 0 && check.warnings.length === 0 && <p className="utrecht-paragraph plein-muted">{t('allClear')}</p>}
      {check.blocking.length > 0 && (
        <div className="plein-composer__problems plein-composer__problems--blocking">
          <p className="utrecht-paragraph plein-composer__problems-title">{t('blocking')}</p>
          <ul>
            {check.blocking.map((problem) => (
              <li key={problem.code}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {check.warnings.length > 0 && (
        <div className="plein-composer__problems plein-composer__problems--warning">
          <p className="utrecht-paragraph plein-composer__problems-title">{t('warnings')}</p>
          <ul>
            {check.warnings.map((warning) => (
              <li key={warning.code}>{warning.message}</li>
            ))}
          </ul>
          <CheckboxField label={t('confirmWarnings')} checked={confirmedWarnings} onChange={onConfirmWarnings} />
        </div>
      )}
      {toneQuestions.length > 0 && (
        <fieldset className="plein-fieldset plein-composer__tone" disabled={disabled}>
          <legend className="utrecht-form-fieldset__legend">{t('toneLegend')}</legend>
          {toneQuestions.map((question, index) => (
            <CheckboxField key={question} label={question} checked={ticked[index] ?? false} onChange={(checked) => onTick(index, checked)} />
          ))}
        </fieldset>
      )}
    </section>
  );
}
