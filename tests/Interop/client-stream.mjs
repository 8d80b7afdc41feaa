// The official A2A JS SDK as a client of the Tau2Observe gateway: discovers the card, streams an
// evaluation, reads the task back (in 1.0 also lists it) and asks for the domain list. Prints one JSON
// summary on stdout.
// Usage: node client-stream.mjs <gateway RPC URL> <0.3|1.0>
import { randomUUID } from 'node:crypto';
import { AgentCardResolver, Client, ClientFactory } from '@a2a-js/sdk/client';
import { LegacyJsonRpcTransport } from '@a2a-js/sdk/compat/v0_3/client';

const [rpcUrl, version] = process.argv.slice(2);
if (!rpcUrl || !['0.3', '1.0'].includes(version)) {
  console.error('usage: node client-stream.mjs <gateway RPC URL> <0.3|1.0>');
  process.exit(2);
}

const ROLE_USER = 1;
const dataPart = (value) => ({ content: { $case: 'data', value }, metadata: undefined, filename: '', mediaType: '' });
const textPart = (value) => ({ content: { $case: 'text', value }, metadata: undefined, filename: '', mediaType: '' });
const message = (part) => ({
  messageId: randomUUID(), contextId: '', taskId: '', role: ROLE_USER, parts: [part],
  metadata: undefined, extensions: [], referenceTaskIds: [],
});

// with the trailing slash the SDK looks for the card under the agent path
const cardBase = rpcUrl.endsWith('/') ? rpcUrl : rpcUrl + '/';
let client;
if (version === '1.0') {
  client = await new ClientFactory().createFromUrl(cardBase);
} else {
  const card = await AgentCardResolver.default.resolve(cardBase);
  client = new Client(new LegacyJsonRpcTransport({ endpoint: rpcUrl }), card);
}

const out = { protocolVersion: client.protocolVersion, events: [] };
const evaluation = { skill: 'run_tau2_evaluation', domain: 'mock', agent_endpoint: 'oracle', num_tasks: 2, num_trials: 1 };
for await (const event of client.sendMessageStream({ tenant: '', message: message(dataPart(evaluation)), configuration: undefined, metadata: undefined })) {
  const { $case, value } = event.payload;
  const entry = { case: $case };
  if ($case === 'task') { entry.state = value.status?.state; out.taskId = value.id; out.contextId = value.contextId; }
  if ($case === 'statusUpdate') {
    entry.state = value.status?.state;
    entry.progress = value.metadata?.['tau2.progress'];
    entry.text = value.status?.message?.parts?.find((p) => p.content?.$case === 'text')?.content.value;
  }
  if ($case === 'artifactUpdate') {
    const data = value.artifact.parts.find((p) => p.content?.$case === 'data')?.content.value;
    entry.totalSimulations = data?.summary?.total_simulations;
    entry.avgReward = data?.summary?.avg_reward;
  }
  out.events.push(entry);
}

const task = await client.getTask({ tenant: '', id: out.taskId, historyLength: undefined });
out.getTaskState = task.status?.state;
out.getTaskArtifacts = task.artifacts.length;

// ListTasks is 1.0 only (the SDK's 0.3 transport has no binding for it)
if (version === '1.0') {
  const TASK_STATE_COMPLETED = 3;
  const list = (contextId, pageToken) => client.listTasks({
    tenant: '', contextId, status: TASK_STATE_COMPLETED, pageSize: 1, pageToken, historyLength: undefined,
    statusTimestampAfter: undefined, includeArtifacts: undefined,
  });
  const listed = await list(out.contextId, '');
  out.listed = {
    ids: listed.tasks.map((t) => t.id), states: listed.tasks.map((t) => t.status?.state),
    artifacts: listed.tasks.map((t) => t.artifacts.length), nextPageToken: listed.nextPageToken,
    pageSize: listed.pageSize, totalSize: listed.totalSize,
  };
  out.listedElsewhere = (await list('no-such-context', '')).tasks.length;
}

const domains = await client.sendMessage({ tenant: '', message: message(textPart('List available domains')), configuration: undefined, metadata: undefined });
out.domainsText = (domains.artifacts ?? []).flatMap((a) => a.parts).map((p) => p.content?.$case === 'text' ? p.content.value : '').join('\n');

console.log(JSON.stringify(out));
