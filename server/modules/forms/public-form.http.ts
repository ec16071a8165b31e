// The public form endpoint, no login: GET /forms/<key> describes the form, POST submits it.
import { readBody } from '../../http/read-body.js';
import { clientIp } from '../../http/request-context.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { AppServices } from '../../app-services.js';
import { publicDefinition, storedFields } from './form-definition.js';
import { PUBLIC_KEY_PATTERN } from './form.service.js';
import { checkSubmission, honeypotFilled, type RawValues } from './submission-values.js';
import { recordSubmission, type LiveForm } from './submission.service.js';
import { publishPending } from '../activity-events/publish.js';

export const MAX_SUBMISSION_BYTES = 64 * 1024;

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

// Any site may embed a form; no cookie is read, so there is nothing for another origin to ride on.
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
};

const failure = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { code, message, ...extra },
});
const NOT_FOUND = failure(404, 'NOT_FOUND', 'Form not found.');
const TOO_LARGE: Reply = {
  ...failure(413, 'PAYLOAD_TOO_LARGE', `Submissions are at most ${MAX_SUBMISSION_BYTES / 1024} KiB.`),
  headers: { Connection: 'close' },
};
// Bots learn nothing from the honeypot: it answers exactly like an accepted submission.
const ACCEPTED: Reply = { status: 200, body: { ok: true } };

type Parsed = { ok: true; raw: RawValues } | { ok: false; reply: Reply };

const KINDS = {
  json: /^application\/json\b/i,
  form: /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i,
};

async function parseBody(contentType: string, body: Buffer): Promise<Parsed> {
  const malformed = (what: string): Parsed => ({ ok: false, reply: failure(400, 'BAD_USER_INPUT', `The body is not valid ${what}.`) });
  if (KINDS.json.test(contentType)) {
    try {
      const value: unknown = JSON.parse(body.toString('utf8'));
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return malformed('JSON: send an object of field values');
      return { ok: true, raw: value as RawValues };
    } catch {
      return malformed('JSON');
    }
  }
  // The fetch API parses both encodings (and keeps repeated keys, which the checks then refuse).
  try {
    const data = await new Request('http://form.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: Uint8Array.from(body),
    }).formData();
    const raw: RawValues = {};
    for (const key of new Set(data.keys())) {
      const values = data.getAll(key);
      raw[key] = values.length === 1 ? values[0] : values;
    }
    return { ok: true, raw };
  } catch {
    return malformed('form data');
  }
}

async function liveForm(app: AppServices, publicKey: string): Promise<(LiveForm & { workspace: { defaultPhoneCountry: string | null } }) | null> {
  if (!PUBLIC_KEY_PATTERN.test(publicKey)) return null;
  // A workspace scheduled for deletion has no public forms: it reads like one that does not exist.
  return app.db.prisma.form.findFirst({
    where: { publicKey, isActive: true, deletedAt: null, workspace: { closedAt: null } },
    select: { id: true, workspaceId: true, name: true, createdById: true, fields: true, workspace: { select: { defaultPhoneCountry: true } } },
  });
}

/** Per IP and form, then per form: a flood from many addresses still stops at the form's budget. */
async function rateLimit(app: AppServices, ip: string, formId: string): Promise<Reply | null> {
  try {
    await app.actionLimits.consume('formSubmissionPerIp', `${ip}:${formId}`);
    await app.actionLimits.consume('formSubmissionPerForm', formId);
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== 'RATE_LIMITED') throw error;
    const seconds = Number(error.extensions.retryAfterSeconds ?? 60);
    return { ...failure(429, 'RATE_LIMITED', error.message, { retryAfterSeconds: seconds }), headers: { 'Retry-After': String(seconds) } };
  }
}

async function submit(app: AppServices, req: IncomingMessage, publicKey: string): Promise<Reply> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_SUBMISSION_BYTES) return TOO_LARGE;
  const contentType = req.headers['content-type'] ?? '';
  if (!KINDS.json.test(contentType) && !KINDS.form.test(contentType)) {
    return failure(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send application/json or application/x-www-form-urlencoded.');
  }
  const body = await readBody(req, MAX_SUBMISSION_BYTES);
  if (!body) return TOO_LARGE;
  const form = await liveForm(app, publicKey);
  if (!form) return NOT_FOUND;
  const limited = await rateLimit(app, clientIp(app, { req }), form.id);
  if (limited) return limited;
  const parsed = await parseBody(contentType, body);
  if (!parsed.ok) return parsed.reply;
  if (honeypotFilled(parsed.raw)) return ACCEPTED;
  const checked = checkSubmission(storedFields(form.fields), parsed.raw, form.workspace.defaultPhoneCountry ?? undefined);
  if (!checked.ok) return failure(400, 'BAD_USER_INPUT', 'Some answers need attention.', { fieldErrors: checked.errors });
  try {
    await recordSubmission(app.db.prisma, form, checked.values, app.billing).finally(() => publishPending(app, form, true));
  } catch (error) {
    // The workspace's plan takes no new contact (billing on only); the public learns no more than that.
    // A read-only workspace (payment overdue) still takes submissions: see docs/billing.md.
    const code = error instanceof GraphQLError ? error.extensions.code : null;
    if (code === 'PLAN_LIMIT') return failure(403, 'FORM_CLOSED', 'This form is not taking new submissions right now.');
    throw error;
  }
  return ACCEPTED;
}

async function reply(app: AppServices, req: IncomingMessage, publicKey: string): Promise<Reply> {
  switch (req.method) {
    case 'OPTIONS':
      return { status: 204 };
    case 'GET': {
      const form = await liveForm(app, publicKey);
      return form ? { status: 200, body: { fields: publicDefinition(storedFields(form.fields)) } } : NOT_FOUND;
    }
    case 'POST':
      return submit(app, req, publicKey);
    default:
      return { ...failure(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.'), headers: { Allow: 'GET, POST, OPTIONS' } };
  }
}

/** Serves /forms/<publicKey>; the server routes here before its own body-size check. */
export async function handlePublicFormRequest(app: AppServices, req: IncomingMessage, res: ServerResponse, publicKey: string) {
  const { status, body, headers } = await reply(app, req, publicKey);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
