/**
 * The desk as a graph (`GET /v1/desk/graph`): agents in columns by role (triage → specialists →
 * escalation / QA), route and handoff edges with their counts, each agent coloured by live status
 * (active / idle / stuck) with its last heartbeat; the same facts as tables for screen readers,
 * and the tools each agent may call. Re-read every 10 s.
 */
import { useCallback } from 'react';
import type { DeskGraph, OperatorClient } from '../../api.js';
import { ErrorPanel } from '../../shared/ErrorPanel.js';
import { formatTime } from '../../shared/format.js';
import { useResource } from '../../shared/useResource.js';

const GRAPH_REFRESH_MS = 10_000;
const NODE = { width: 168, height: 52, columnGap: 120, rowGap: 18, margin: 16 } as const;
const COLUMN: Record<DeskGraph['agents'][number]['role'], number> = { triage: 0, specialist: 1, escalation: 2, qa: 2 };

interface Placed {
  agent: DeskGraph['agents'][number];
  x: number;
  y: number;
}

/** Node positions: one column per role group, rows in the server's order, columns centred vertically. */
function layout(graph: DeskGraph): { nodes: Map<string, Placed>; width: number; height: number } {
  const columns: DeskGraph['agents'][number][][] = [[], [], []];
  for (const agent of graph.agents) columns[COLUMN[agent.role]]?.push(agent);
  const tallest = Math.max(1, ...columns.map((column) => column.length));
  const height = NODE.margin * 2 + tallest * NODE.height + (tallest - 1) * NODE.rowGap;
  const nodes = new Map<string, Placed>();
  columns.forEach((column, columnIndex) => {
    const columnHeight = column.length * NODE.height + Math.max(0, column.length - 1) * NODE.rowGap;
    const top = (height - columnHeight) / 2;
    column.forEach((agent, row) => {
      nodes.set(agent.id, { agent, x: NODE.margin + columnIndex * (NODE.width + NODE.columnGap), y: top + row * (NODE.height + NODE.rowGap) });
    });
  });
  return { nodes, width: NODE.margin * 2 + 3 * NODE.width + 2 * NODE.columnGap, height };
}

function GraphPicture(props: { graph: DeskGraph }) {
  const { nodes, width, height } = layout(props.graph);
  return (
    <svg className="graph" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="graph-svg-title">
      <title id="graph-svg-title">
        Agent graph: {props.graph.agents.length} agents and {props.graph.edges.length} edges
      </title>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
        </marker>
      </defs>
      {props.graph.edges.map((edge) => {
        const from = nodes.get(edge.from);
        const to = nodes.get(edge.to);
        if (!from || !to) return null;
        const forward = to.x >= from.x;
        const x1 = forward ? from.x + NODE.width : from.x;
        const x2 = to.x === from.x ? to.x + NODE.width : forward ? to.x : to.x + NODE.width;
        const y1 = from.y + NODE.height / 2;
        const y2 = to.y + NODE.height / 2;
        const bend = to.x === from.x ? NODE.width / 2 + 24 : 0;
        const path = `M ${x1} ${y1} C ${x1 + (forward ? 60 : -60) + bend} ${y1}, ${x2 + (forward ? -60 : 60) + bend} ${y2}, ${x2} ${y2}`;
        return (
          <g key={`${edge.kind}:${edge.from}:${edge.to}`} className={`edge edge-${edge.kind}${edge.count > 0 ? ' used' : ''}`}>
            <path d={path} markerEnd="url(#arrow)" />
            {edge.count > 0 && (
              <text x={(x1 + x2) / 2 + bend / 2} y={(y1 + y2) / 2 - 4} className="edge-count">
                {edge.count}
              </text>
            )}
          </g>
        );
      })}
      {[...nodes.values()].map(({ agent, x, y }) => (
        <g key={agent.id} className={`node node-${agent.status}`} transform={`translate(${x} ${y})`}>
          <rect width={NODE.width} height={NODE.height} rx="8" />
          <circle cx="14" cy="16" r="5" className="status-dot" />
          <text x="26" y="20" className="node-name">
            {agent.name}
          </text>
          <text x="12" y="40" className="node-detail">
            {agent.status} · {agent.activeConversations} active · {agent.tools.length} tools
          </text>
        </g>
      ))}
    </svg>
  );
}

export function AgentGraph(props: { client: OperatorClient }) {
  const { client } = props;
  const load = useCallback(() => client.deskGraph(), [client]);
  const graph = useResource(load, { refreshMs: GRAPH_REFRESH_MS });
  const data = graph.data;
  return (
    <section aria-labelledby="graph-title">
      <div className="screen-title">
        <h1 id="graph-title">Agent graph</h1>
        {data && <span className="muted">updated {formatTime(data.generatedAt)}</span>}
        <span className="legend" aria-hidden="true">
          <span className="dot node-active" /> active <span className="dot node-idle" /> idle <span className="dot node-stuck" /> stuck
        </span>
      </div>
      {graph.error && <ErrorPanel error={graph.error} what="The agent graph" onRetry={graph.reload} />}
      {data && (
        <>
          <div className="graph-scroll">
            <GraphPicture graph={data} />
          </div>
          <div className="two-columns">
            <table aria-label="Agents">
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last heartbeat</th>
                  <th scope="col">Active</th>
                </tr>
              </thead>
              <tbody>
                {data.agents.map((agent) => (
                  <tr key={agent.id} data-agent-id={agent.id}>
                    <th scope="row" title={agent.description}>
                      {agent.name}
                    </th>
                    <td>{agent.role}</td>
                    <td>
                      <span className={`badge status-${agent.status}`}>{agent.status}</span>
                    </td>
                    <td>{agent.lastHeartbeatAt ? <time dateTime={agent.lastHeartbeatAt}>{formatTime(agent.lastHeartbeatAt)}</time> : 'never ran'}</td>
                    <td>{agent.activeConversations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table aria-label="Tools">
              <thead>
                <tr>
                  <th scope="col">Tool</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Agents</th>
                </tr>
              </thead>
              <tbody>
                {data.tools.map((tool) => (
                  <tr key={tool.name}>
                    <th scope="row" title={tool.description}>
                      <code>{tool.name}</code>
                    </th>
                    <td>{tool.kind}</td>
                    <td>{tool.agents.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
