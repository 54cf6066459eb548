/**
 * The routing confusion matrix as a heat-map table: rows are the agent triage routed to, columns
 * the agent that finally answered (`MetricsSummary.routing`); each cell shows its count, shaded by
 * its share of the row, and the diagonal (routed right the first time) is outlined.
 */
import { agentLabel, formatRate } from '../../shared/format.js';

export function ConfusionMatrix(props: { labels: readonly string[]; matrix: readonly (readonly number[])[]; accuracy: number | null }) {
  const { labels, matrix, accuracy } = props;
  if (labels.length === 0) return <p className="empty">No routed turns in this window.</p>;
  return (
    <figure className="chart wide">
      <figcaption>
        Routing confusion matrix {accuracy !== null && <span className="muted">— first-route accuracy {formatRate(accuracy)}</span>}
      </figcaption>
      <div className="table-scroll">
        <table className="matrix">
          <caption className="sr-only">Rows: agent routed to by triage. Columns: agent that answered. Cells: turns.</caption>
          <thead>
            <tr>
              <th scope="col">Routed to ↓ / answered by →</th>
              {labels.map((label) => (
                <th key={label} scope="col">
                  {agentLabel(label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((rowLabel, row) => {
              const cells = matrix[row] ?? [];
              const rowTotal = cells.reduce((sum, value) => sum + value, 0);
              return (
                <tr key={rowLabel}>
                  <th scope="row">{agentLabel(rowLabel)}</th>
                  {labels.map((columnLabel, column) => {
                    const value = cells[column] ?? 0;
                    const share = rowTotal === 0 ? 0 : value / rowTotal;
                    return (
                      <td
                        key={columnLabel}
                        className={row === column ? 'diagonal' : undefined}
                        style={{ backgroundColor: `rgba(37, 99, 235, ${(share * 0.85).toFixed(3)})`, color: share > 0.55 ? '#fff' : undefined }}
                        aria-label={`routed to ${agentLabel(rowLabel)}, answered by ${agentLabel(columnLabel)}: ${value} turns`}
                      >
                        {value}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
