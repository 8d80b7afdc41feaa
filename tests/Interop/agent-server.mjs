// An agent under test hosted by the official A2A JS SDK (express). Each turn is answered by the
// Tau2Observe oracle mock it forwards to, so a tau2 evaluation through it can score 1.
// Usage: node agent-server.mjs <0.3|1.0> <oracle RPC URL>
// Prints "LISTENING <agent RPC URL>" once ready; GET /stats lists the A2A version and method of every call.
import { randomUUID } from 'node:crypto';
import express from 'express';
import { AgentEvent, DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, UserBuilder } from '@a2a-js/sdk/server/express';

const [version, oracleUrl] = process.argv.slice(2);
if (!['0.3', '1.0'].includes(version) || !oracleUrl) {
  console.error('usage: node agent-server.mjs <0.3|1.0> <oracle RPC URL>');
  process.exit(2);
}

const TASK_STATE_COMPLETED = 3;
const ROLE_AGENT = 2;
const path = '/a2a/sdk_agent';
const calls = [];
let card;

const textPart = (value) => ({ content: { $case: 'text', value }, metadata: undefined, filename: '', mediaType: '' });

/** One 0.3 message/send to the oracle mock, keyed by this agent's context id. */
async function askOracle(text, metadata, contextId) {
  const response = await fetch(oracleUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0', id: randomUUID(), method: 'message/send',
      params: { message: { kind: 'message', messageId: randomUUID(), role: 'user', parts: [{ kind: 'text', text }], contextId, metadata } },
    }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`oracle: ${body.error.message}`);
  return body.result.artifacts.flatMap((a) => a.parts).map((p) => p.text ?? '').join('\n');
}

const executor = {
  async execute(ctx, bus) {
    const incoming = ctx.userMessage;
    const text = incoming.parts.map((p) => (p.content?.$case === 'text' ? p.content.value : '')).join('');
    const reply = await askOracle(text, incoming.metadata, ctx.contextId);
    const agentMessage = {
      messageId: randomUUID(), contextId: ctx.contextId, taskId: ctx.taskId, role: ROLE_AGENT, parts: [textPart(reply)],
      metadata: undefined, extensions: [], referenceTaskIds: [],
    };
    bus.publish(AgentEvent.task({
      id: ctx.taskId, contextId: ctx.contextId,
      status: { state: TASK_STATE_COMPLETED, message: agentMessage, timestamp: new Date().toISOString() },
      artifacts: [{ artifactId: randomUUID(), name: 'reply', description: '', parts: [textPart(reply)], metadata: undefined, extensions: [] }],
      history: [incoming], metadata: undefined,
    }));
    bus.finished();
  },
  async cancelTask() {},
};

const app = express();
const server = app.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}${path}`;
  card = {
    name: 'sdk_agent', description: 'tau2 agent under test hosted by @a2a-js/sdk', version: '1.0.0',
    supportedInterfaces: [{ url, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: version }],
    capabilities: { streaming: false, pushNotifications: false, extensions: [] },
    securitySchemes: {}, securityRequirements: [], defaultInputModes: ['text/plain'], defaultOutputModes: ['text/plain'],
    skills: [{ id: 'customer-service', name: 'Customer Service', description: 'Answers customers', tags: ['customer-service'], examples: [], inputModes: [], outputModes: [], securityRequirements: [] }],
    signatures: [],
  };
  const legacyCompat = { enabled: version === '0.3' };
  const requestHandler = new DefaultRequestHandler(card, new InMemoryTaskStore(), executor);
  app.use(`${path}/.well-known/agent-card.json`, agentCardHandler({ agentCardProvider: async () => card, legacyCompat }));
  app.use(path, express.json(), (req, _res, next) => {
    calls.push({ version: req.header('A2A-Version') ?? null, method: req.body?.method ?? null });
    next();
  }, jsonRpcHandler({ requestHandler, userBuilder: UserBuilder.noAuthentication, legacyCompat }));
  app.get('/stats', (_req, res) => res.json({ calls }));
  console.log(`LISTENING ${url}`);
});
