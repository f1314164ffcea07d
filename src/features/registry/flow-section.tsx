/** Inclusion flow (paper Figure 1: 74 -> 61 -> 16 lost -> 45 per protocol). */
import { EXCLUSION_REASONS, type InclusionFlow } from '../../domain/registry/index.ts';
import type { RegistryReport } from '../../domain/registry/index.ts';
import { useMessages } from '../../ui/i18n.ts';
import { FigureView } from './figure-view.tsx';
import { messages } from './messages.ts';

export function FlowSection({ report }: { readonly report: RegistryReport }) {
  const t = useMessages(messages);
  return (
    <div className="card">
      <FigureView title={t.flowTitle} figure={report.flow} level={2}>
        {(flow) => <FlowTable flow={flow} />}
      </FigureView>
    </div>
  );
}

function FlowTable({ flow }: { readonly flow: InclusionFlow }) {
  const t = useMessages(messages);
  const reasons = EXCLUSION_REASONS.filter((r) => flow.excludedByFirstReason[r] > 0);
  const row = (label: string, n: number, sub = false) => (
    <tr key={label} className={sub ? 'registry-subrow' : undefined}>
      <th scope="row">{label}</th>
      <td className="num">{n}</td>
    </tr>
  );
  return (
    <table className="data registry-flow">
      <thead>
        <tr>
          <th scope="col">{t.flowStep}</th>
          <th scope="col" className="num">
            {t.flowPatients}
          </th>
        </tr>
      </thead>
      <tbody>
        {row(t.treated, flow.treated)}
        {row(t.excluded, flow.excluded, true)}
        {reasons.map((r) => row(`— ${t[r]}`, flow.excludedByFirstReason[r], true))}
        {row(t.included, flow.included)}
        {row(t.lost, flow.lostAfterFirstAdministration, true)}
        {row(t.deviated, flow.deviatedFromProtocol, true)}
        {row(t.perProtocol, flow.perProtocol)}
      </tbody>
    </table>
  );
}
