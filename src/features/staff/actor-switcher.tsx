/** "Recording as" selector: quick user switch in the header. */
import { useBedside } from '../../ui/bedside-context.tsx';
import { useMessages } from '../../ui/i18n.ts';
import { messages } from './messages.ts';

type Props = { readonly onChoose: (staffId: string | null) => void };

export function ActorSwitcher({ onChoose }: Props) {
  const t = useMessages(messages);
  const { staff, actor } = useBedside();
  const roleLabel = { nurse: t.nurse, anesthesiologist: t.anesthesiologist, admin: t.admin };
  return (
    <label className="row" style={{ gap: '0.4rem' }}>
      <span className="field__hint">{t.recordingAs}</span>
      <select
        className="input"
        aria-label={t.recordingAs}
        value={actor?.staffId ?? ''}
        onChange={(e) => onChoose(e.target.value || null)}
      >
        <option value="">{t.nobody}</option>
        {staff
          .filter((s) => s.active)
          .map((s) => (
            <option key={s.staffId} value={s.staffId}>
              {s.displayName} ({roleLabel[s.role]})
            </option>
          ))}
      </select>
    </label>
  );
}
