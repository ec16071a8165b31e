// A loopback server speaking Stripe's REST shape for every call Kith makes: customers, Checkout sessions,
// billing portal sessions, subscriptions and their items, meter events and invoices. The official `stripe`
// client points at it through its host, port and protocol options. It records every request, can answer
// the next matching requests with a Stripe error, and keeps Stripe's behaviours Kith relies on: replaying
// the stored answer for a repeated Idempotency-Key, and counting a meter event identifier once.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Stripe from 'stripe';
import type { StripeEndpoint } from '../modules/billing/billing.config.js';

type Obj = Record<string, any>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Obj;
  idempotencyKey: string | null;
  authorization: string | null;
}

interface Failure {
  method?: string;
  path: RegExp;
  status: number;
  error: { type: string; code?: string; message: string };
  times: number;
}

/** Stripe's form encoding (`a[b][0][c]=x`) back into objects and arrays. */
export function parseStripeForm(text: string): Obj {
  const root: Obj = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: any = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]!);
      if (last) node[part] = value;
      else node = node[part] ??= nextIsIndex ? [] : {};
    });
  }
  return root;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);
const DAY = 24 * 60 * 60;

export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly customers = new Map<string, Obj>();
  readonly checkoutSessions = new Map<string, Obj>();
  readonly portalSessions = new Map<string, Obj>();
  readonly subscriptions = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  /** Meter events as received, duplicates included. */
  readonly meterEvents: Obj[] = [];
  private readonly failures: Failure[] = [];
  private readonly idempotent = new Map<string, { status: number; body: Obj }>();
  private server: Server | null = null;
  port = 0;
  readonly secretKey = `sk_test_${randomBytes(8).toString('hex')}`;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.unref();
    this.port = await new Promise<number>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve((this.server!.address() as { port: number }).port)));
    return this;
  }

  async close() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
    this.server = null;
  }

  get endpoint(): StripeEndpoint {
    return { host: '127.0.0.1', port: this.port, protocol: 'http' };
  }

  /** The official client, pointed here. */
  client(): Stripe {
    return new Stripe(this.secretKey, { ...this.endpoint, maxNetworkRetries: 0, telemetry: false });
  }

  /** Answers the next `times` matching requests with a Stripe error. */
  failNext(path: RegExp, options: { method?: string; status?: number; code?: string; message?: string; type?: string; times?: number } = {}) {
    this.failures.push({
      method: options.method,
      path,
      status: options.status ?? 500,
      error: { type: options.type ?? 'api_error', code: options.code, message: options.message ?? 'Something went wrong on Stripe’s end.' },
      times: options.times ?? 1,
    });
  }

  /** The total a meter counted for a customer: each identifier once, as Stripe aggregates. */
  meterTotal(eventName: string, customerId: string): number {
    const seen = new Set<string>();
    let total = 0;
    for (const event of this.meterEvents) {
      if (event.event_name !== eventName || event.payload.stripe_customer_id !== customerId || seen.has(event.identifier)) continue;
      seen.add(event.identifier);
      total += Number(event.payload.value);
    }
    return total;
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /**
   * What Stripe does when the customer finishes the hosted checkout: a subscription with the session's line
   * items, trialing when the session asked for a trial; the session completes and names it.
   */
  completeCheckout(sessionId: string, options: { status?: string } = {}): { session: Obj; subscription: Obj } {
    const session = this.checkoutSessions.get(sessionId);
    if (!session) throw new Error(`No checkout session ${sessionId}`);
    const trialDays = Number(session.subscription_data?.trial_period_days ?? 0);
    const start = now();
    const items = (session.line_items as Obj[]).map((line) => ({
      id: id('si'),
      object: 'subscription_item',
      price: { id: line.price, object: 'price', recurring: { interval: 'month', usage_type: line.quantity === undefined ? 'metered' : 'licensed' } },
      quantity: line.quantity === undefined ? undefined : Number(line.quantity),
      current_period_start: start,
      current_period_end: start + 30 * DAY,
    }));
    const subscription = this.putSubscription({
      id: id('sub'),
      object: 'subscription',
      customer: session.customer,
      status: options.status ?? (trialDays > 0 ? 'trialing' : 'active'),
      trial_end: trialDays > 0 ? start + trialDays * DAY : null,
      metadata: { ...(session.subscription_data?.metadata ?? {}) },
      cancel_at_period_end: false,
      created: start,
      items: { object: 'list', data: items, has_more: false },
    });
    Object.assign(session, { status: 'complete', subscription: subscription.id, payment_status: trialDays > 0 ? 'no_payment_required' : 'paid' });
    return { session, subscription };
  }

  putSubscription(subscription: Obj): Obj {
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** An invoice as Stripe would send it in an invoice.* event. */
  invoice(customer: string, fields: Obj = {}): Obj {
    const created = now();
    const invoice = {
      id: id('in'),
      object: 'invoice',
      customer,
      number: `KITH-${this.invoices.size + 1}`,
      status: 'paid',
      currency: 'eur',
      amount_due: 4900,
      amount_paid: 4900,
      hosted_invoice_url: `https://invoice.stripe.test/${created}`,
      invoice_pdf: `https://invoice.stripe.test/${created}.pdf`,
      period_start: created - 30 * DAY,
      period_end: created,
      created,
      status_transitions: { paid_at: created },
      ...fields,
    };
    this.invoices.set(invoice.id, invoice);
    return invoice;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = url.searchParams;
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      body: parseStripeForm(req.method === 'GET' ? url.search.slice(1) : Buffer.concat(chunks).toString('utf8')),
      idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
      authorization: req.headers.authorization ?? null,
    };
    this.requests.push(request);
    const send = (status: number, body: Obj, replayed = false) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req'), ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
      res.end(JSON.stringify(body));
    };
    // The hosted pages a browser is sent to (Checkout, the customer portal): a test completes them through this class.
    if (request.method === 'GET' && /^\/(checkout|portal)\//.test(request.path)) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><title>Stripe (test)</title><h1>${request.path.startsWith('/checkout/') ? 'Checkout' : 'Customer portal'} (test)</h1>`);
      return;
    }
    if (request.path === '/favicon.ico') return void res.writeHead(204).end();
    if (request.authorization !== `Bearer ${this.secretKey}`) {
      return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
    }
    const key = request.idempotencyKey && `${request.method} ${request.path} ${request.idempotencyKey}`;
    const stored = key ? this.idempotent.get(key) : undefined;
    if (stored) return send(stored.status, stored.body, true);
    const failure = this.failures.find((f) => f.times > 0 && f.path.test(request.path) && (!f.method || f.method === request.method));
    let answer: { status: number; body: Obj };
    if (failure) {
      failure.times -= 1;
      answer = { status: failure.status, body: { error: failure.error } };
    } else {
      answer = this.route(request);
    }
    // Stripe stores an answer for the key unless it was a server error (those may be retried with the same key).
    if (key && answer.status < 500) this.idempotent.set(key, answer);
    send(answer.status, answer.body);
  }

  private route(r: RecordedRequest): { status: number; body: Obj } {
    const ok = (body: Obj) => ({ status: 200, body });
    const missing = (what: string) => ({
      status: 404,
      body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } },
    });
    const bad = (message: string) => ({ status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message } } });
    const { method, path, body } = r;
    let m: RegExpExecArray | null;

    if (method === 'POST' && path === '/v1/customers') {
      const customer = { id: id('cus'), object: 'customer', email: body.email ?? null, name: body.name ?? null, metadata: body.metadata ?? {}, created: now() };
      this.customers.set(customer.id, customer);
      return ok(customer);
    }
    if ((m = /^\/v1\/customers\/(cus_\w+)$/.exec(path))) {
      const customer = this.customers.get(m[1]!);
      if (!customer) return missing(`customer: '${m[1]}'`);
      if (method === 'POST') Object.assign(customer, body);
      return ok(customer);
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (!body.success_url || !Array.isArray(body.line_items) || body.line_items.length === 0)
        return bad('Missing required param: line_items or success_url.');
      if (body.customer && !this.customers.has(body.customer)) return missing(`customer: '${body.customer}'`);
      const sessionId = id('cs_test');
      const session = {
        id: sessionId,
        object: 'checkout.session',
        mode: body.mode,
        customer: body.customer ?? null,
        client_reference_id: body.client_reference_id ?? null,
        metadata: body.metadata ?? {},
        line_items: body.line_items,
        subscription_data: body.subscription_data ?? {},
        payment_method_collection: body.payment_method_collection ?? 'always',
        success_url: String(body.success_url).replace('{CHECKOUT_SESSION_ID}', sessionId),
        cancel_url: body.cancel_url ?? null,
        status: 'open',
        payment_status: 'unpaid',
        subscription: null,
        url: `http://127.0.0.1:${this.port}/checkout/${sessionId}`,
        created: now(),
        expires_at: now() + DAY,
      };
      this.checkoutSessions.set(sessionId, session);
      return ok(session);
    }
    if (method === 'GET' && (m = /^\/v1\/checkout\/sessions\/(cs_test_\w+)$/.exec(path))) {
      const session = this.checkoutSessions.get(m[1]!);
      return session ? ok(session) : missing(`checkout.session: '${m[1]}'`);
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (!body.customer || !this.customers.has(body.customer)) return missing(`customer: '${body.customer}'`);
      const session = {
        id: id('bps'),
        object: 'billing_portal.session',
        customer: body.customer,
        return_url: body.return_url ?? null,
        url: `http://127.0.0.1:${this.port}/portal/${id('p')}`,
        created: now(),
      };
      this.portalSessions.set(session.id, session);
      return ok(session);
    }
    if ((m = /^\/v1\/subscriptions\/(sub_\w+)$/.exec(path))) {
      const subscription = this.subscriptions.get(m[1]!);
      if (!subscription) return missing(`subscription: '${m[1]}'`);
      if (method === 'POST') {
        for (const change of (body.items ?? []) as Obj[]) {
          const item = subscription.items.data.find((i: Obj) => i.id === change.id);
          if (!item) return missing(`subscription_item: '${change.id}'`);
          if (change.quantity !== undefined) item.quantity = Number(change.quantity);
        }
        if (body.metadata) subscription.metadata = { ...subscription.metadata, ...body.metadata };
      }
      return ok(subscription);
    }
    if ((m = /^\/v1\/subscription_items\/(si_\w+)$/.exec(path))) {
      const item = [...this.subscriptions.values()].flatMap((s) => s.items.data as Obj[]).find((i) => i.id === m![1]);
      if (!item) return missing(`subscription_item: '${m[1]}'`);
      if (method === 'POST' && body.quantity !== undefined) item.quantity = Number(body.quantity);
      return ok(item);
    }
    if (method === 'GET' && path === '/v1/subscription_items') {
      const subscription = this.subscriptions.get(r.query.get('subscription') ?? '');
      if (!subscription) return missing(`subscription: '${r.query.get('subscription')}'`);
      return ok({ object: 'list', data: subscription.items.data, has_more: false, url: '/v1/subscription_items' });
    }
    if (method === 'POST' && path === '/v1/billing/meter_events') {
      if (!body.event_name || !body.payload?.stripe_customer_id || body.payload.value === undefined)
        return bad('Missing required param: event_name or payload.');
      // Stripe accepts a repeated identifier and counts it once (see meterTotal).
      const event = {
        object: 'billing.meter_event',
        created: now(),
        event_name: body.event_name,
        identifier: body.identifier ?? id('mev'),
        livemode: false,
        payload: body.payload,
        timestamp: Number(body.timestamp ?? now()),
      };
      this.meterEvents.push(event);
      return ok(event);
    }
    if (method === 'GET' && path === '/v1/invoices') {
      const customer = r.query.get('customer');
      const data = [...this.invoices.values()].filter((i) => !customer || i.customer === customer);
      return ok({ object: 'list', data, has_more: false, url: '/v1/invoices' });
    }
    if (method === 'GET' && (m = /^\/v1\/invoices\/(in_\w+)$/.exec(path))) {
      const invoice = this.invoices.get(m[1]!);
      return invoice ? ok(invoice) : missing(`invoice: '${m[1]}'`);
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` } } };
  }
}

export async function startFakeStripe(): Promise<FakeStripe> {
  return new FakeStripe().start();
}
