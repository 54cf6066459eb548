/**
 * @switchboard/core — domain and protocol schemas, the orchestrator (`decide` + `runTurn`),
 * ports, the tool gateway and typed errors. Depends on zod only.
 */
export * from './errors.js';
export * from './domain/entities.js';
export * from './domain/triage.js';
export * from './domain/message.js';
export * from './domain/conversation.js';
export * from './domain/agent.js';
export * from './domain/ticket.js';
export * from './domain/handoff.js';
export * from './domain/events.js';
export * from './domain/commerce.js';
export * from './domain/knowledge.js';
export * from './domain/desk.js';
export { parseDeskConfig } from './domain/desk-parse.js';
export * from './ports.js';
export * from './tools/tool.js';
export { createToolGateway, type ToolGatewayOptions } from './tools/gateway.js';
export type { GatewayApprovals } from './tools/approvals.js';
export { createEventLogToolAudit, type ToolAuditEntry, type ToolAuditSink, type EventLogToolAuditOptions } from './tools/audit.js';
export { createMemoryToolCallLog, type MemoryToolCallLogOptions } from './tools/memory-tool-call-log.js';
export { canonicalJson } from './tools/canonical-json.js';
export * from './orchestrator/steps.js';
export { decide } from './orchestrator/decide.js';
export * from './orchestrator/policy.js';
export * from './orchestrator/messages.js';
export { runTurn, type TurnPorts, type TurnOutcome } from './orchestrator/driver.js';
export { startConversation } from './orchestrator/conversation.js';
export { validateCustomerText } from './orchestrator/text.js';
export { cloneData } from './orchestrator/clone.js';
export { buildEscalationPacket, buildEscalationSummary, buildTicket } from './orchestrator/escalation.js';
export { createCircuitBreakers, type CircuitBreakers } from './orchestrator/breakers.js';
export { buildHandoffPayload } from './orchestrator/handoff.js';
export { createAgentToolbox, type AgentToolboxOptions } from './orchestrator/toolbox.js';
export * from './domain/quality.js';
export { claimTicket, replyAsOperator, resolveTicket, returnToBot, type OperatorPorts } from './operator/actions.js';
export * from './quality/index.js';
export * from './guardrails/index.js';
export { exportJsonSchemas } from './domain/json-schemas.js';
export * from './domain/approval.js';
export { decideApproval, APPROVAL_MESSAGES, type ApprovalPorts, type ApprovalOutcome } from './operator/approvals.js';
export { anyPattern } from './text/patterns.js';
