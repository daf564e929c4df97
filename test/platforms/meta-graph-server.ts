import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback Graph API for Facebook Pages and Instagram, shaped as developers.facebook.com documents
// it: versioned paths (/v21.0/...), `fields` selection, lists as {data, paging: {cursors: {before,
// after}, next}}, and failures as the error object {error: {message, type, code, error_subcode,
// fbtrace_id}} — 190 for an expired token (HTTP 400), 4/32/80001 with X-App-Usage or
// X-Business-Use-Case-Usage for throttling, and 500 on demand. Times come from the test's clock.

type Json = Record<string, any>;
type Kind = 'page' | 'post' | 'comment' | 'iguser' | 'igmedia' | 'igcomment' | 'container';
interface GraphNode extends Json {
  id: string;
  kind: Kind;
}

export interface GraphRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Json | null;
  token: string | null;
}

export interface Failure {
  match: (method: string, path: string) => boolean;
  status: number;
  error?: Json;
  headers?: Record<string, string>;
  // Do the work first, then fail: the answer is lost but the comment exists (a crash after sending).
  afterEffect?: boolean;
}

const GRAPH_TIME = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '+0000');
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
const decodeCursor = (cursor: string | undefined) => (cursor ? Number(Buffer.from(cursor, 'base64url').toString().slice(2)) || 0 : 0);

// "id,message,comments.summary(true),attachments{media}" → the top-level names.
function fieldNames(fields: string | undefined): Set<string> | null {
  if (!fields) return null;
  const names = new Set<string>(['id']);
  let depth = 0;
  let current = '';
  for (const char of `${fields},`) {
    if (char === '{' || char === '(') depth++;
    if (char === '}' || char === ')') depth--;
    if (char === ',' && depth === 0) {
      names.add(current.split(/[.{]/)[0]!.trim());
      current = '';
    } else current += char;
  }
  return names;
}

export async function startMetaGraphServer(now: () => Date) {
  const nodes = new Map<string, GraphNode>();
  const tokens = new Map<string, { subject: string; expired: boolean }>();
  const requests: GraphRequest[] = [];
  const failures: Failure[] = [];
  const sentMessages: { sender: string; recipient: Json; text: string; messageId: string; messagingType: string | null }[] = [];
  let counter = 17_841_000_000_000;
  const nextId = () => String(++counter);

  const error = (status: number, body: Json, headers: Record<string, string> = {}) => ({
    status,
    body: { error: { fbtrace_id: `A${nextId()}`, ...body } },
    headers,
  });
  const missing = (id: string, verb = 'get') =>
    error(400, {
      message: `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });

  function view(node: GraphNode, fields: string | undefined): Json {
    const names = fieldNames(fields);
    const full: Json = { ...node };
    delete full.kind;
    for (const key of Object.keys(full)) if (key.startsWith('_')) delete full[key];
    if (node.kind === 'post') full.comments = { data: [], summary: { order: 'ranked', total_count: commentsUnder(node.id, true).length, can_comment: true } };
    if (node.kind === 'igmedia') full.comments_count = igCommentsOf(node.id, true).length;
    if (node.kind === 'igcomment' && names?.has('replies'))
      full.replies = { data: igCommentsOf(node.id, false).map((reply) => view(reply, 'id,text,timestamp,username,from,parent_id')) };
    if (!names) return full;
    return Object.fromEntries(Object.entries(full).filter(([key]) => names.has(key)));
  }

  const byTimeDesc = (a: GraphNode, b: GraphNode) => (b._at as number) - (a._at as number) || Number(b._seq) - Number(a._seq);
  const byTimeAsc = (a: GraphNode, b: GraphNode) => -byTimeDesc(a, b);
  // Facebook comments on a post: all of them with filter=stream (replies included), else top level.
  function commentsUnder(objectId: string, stream: boolean): GraphNode[] {
    return [...nodes.values()].filter((node) => node.kind === 'comment' && (stream ? node._post === objectId : node._parent === objectId));
  }
  function igCommentsOf(parentId: string, all: boolean): GraphNode[] {
    return [...nodes.values()].filter((node) => node.kind === 'igcomment' && (all ? node._media === parentId : node._parent === parentId));
  }

  function list(items: GraphNode[], query: Record<string, string>, path: string) {
    const limit = Math.min(Number(query.limit ?? 25) || 25, 100);
    const offset = decodeCursor(query.after);
    const page = items.slice(offset, offset + limit);
    const body: Json = { data: page.map((item) => view(item, query.fields)) };
    if (page.length > 0) {
      body.paging = { cursors: { before: encodeCursor(offset), after: encodeCursor(offset + page.length) } };
      if (offset + page.length < items.length) {
        const next = new URL(`${server.url}${path}`);
        for (const [key, value] of Object.entries({ ...query, after: encodeCursor(offset + page.length) })) next.searchParams.set(key, value);
        body.paging.next = next.toString();
      }
    }
    return { status: 200, body, headers: {} };
  }

  function add(node: Json & { id: string; kind: Kind }): GraphNode {
    const stored: GraphNode = { ...node, _seq: counter };
    nodes.set(stored.id, stored);
    return stored;
  }

  const api = {
    addPage(page: { id: string; name: string; token: string }) {
      add({ id: page.id, kind: 'page', name: page.name });
      tokens.set(page.token, { subject: page.id, expired: false });
    },
    addIgUser(user: { id: string; username: string; token: string; pageId: string }) {
      add({ id: user.id, kind: 'iguser', username: user.username, _page: user.pageId });
      tokens.set(user.token, { subject: user.pageId, expired: false });
    },
    expireToken(token: string) {
      tokens.get(token)!.expired = true;
    },
    post(pageId: string, from: { id: string; name: string }, message: string, at = now()): GraphNode {
      const id = `${pageId}_${nextId()}`;
      return add({
        id,
        kind: 'post',
        message,
        created_time: GRAPH_TIME(at),
        from,
        permalink_url: `https://www.facebook.com/${id}`,
        _at: at.getTime(),
        _page: pageId,
      });
    },
    comment(objectId: string, from: { id: string; name: string }, message: string, at = now()): GraphNode {
      const parent = nodes.get(objectId)!;
      const postId = parent.kind === 'post' ? parent.id : (parent._post as string);
      const id = `${postId.split('_')[1]}_${nextId()}`;
      return add({
        id,
        kind: 'comment',
        message,
        created_time: GRAPH_TIME(at),
        from,
        permalink_url: `https://www.facebook.com/${postId}?comment_id=${id}`,
        ...(parent.kind === 'comment' && { parent: { id: parent.id } }),
        _at: at.getTime(),
        _post: postId,
        _parent: objectId,
      });
    },
    media(igUserId: string, caption: string, at = now()): GraphNode {
      const id = nextId();
      return add({
        id,
        kind: 'igmedia',
        caption,
        timestamp: GRAPH_TIME(at),
        permalink: `https://www.instagram.com/p/${id}/`,
        _at: at.getTime(),
        _owner: igUserId,
      });
    },
    igComment(parentId: string, from: { id: string; username: string }, text: string, at = now()): GraphNode {
      const parent = nodes.get(parentId)!;
      const mediaId = parent.kind === 'igmedia' ? parent.id : (parent._media as string);
      return add({
        id: nextId(),
        kind: 'igcomment',
        text,
        timestamp: GRAPH_TIME(at),
        username: from.username,
        from,
        media: { id: mediaId },
        ...(parent.kind === 'igcomment' && { parent_id: parent.id }),
        _at: at.getTime(),
        _media: mediaId,
        _parent: parentId,
      });
    },
    node: (id: string) => nodes.get(id),
    commentsOf: (objectId: string) => [...nodes.values()].filter((node) => node._parent === objectId).sort(byTimeAsc),
    postsOf: (pageId: string) => [...nodes.values()].filter((node) => node.kind === 'post' && node._page === pageId),
    mediaOf: (igUserId: string) => [...nodes.values()].filter((node) => node.kind === 'igmedia' && node._owner === igUserId),
  };

  function route(
    method: string,
    segments: string[],
    query: Record<string, string>,
    body: Json,
    subject: string,
  ): { status: number; body: Json; headers: Record<string, string> } {
    const [rawId, edge] = segments;
    const id = rawId === 'me' ? subject : rawId!;
    const node = nodes.get(id);
    const path = `/${segments.join('/')}`;
    if (!edge) {
      if (!node) return missing(id, method.toLowerCase());
      if (method === 'DELETE') {
        nodes.delete(id);
        return { status: 200, body: { success: true }, headers: {} };
      }
      return { status: 200, body: view(node, query.fields), headers: {} };
    }
    if (!node) return missing(id, method.toLowerCase());
    const text = String(body.message ?? '');
    const reply = (created: GraphNode) => ({ status: 200, body: { id: created.id }, headers: {} });
    if (method === 'GET' && node.kind === 'page' && edge === 'feed') {
      return list(api.postsOf(id).sort(byTimeDesc), query, path);
    }
    if (method === 'GET' && (node.kind === 'post' || node.kind === 'comment') && edge === 'comments') {
      const items = commentsUnder(id, query.filter === 'stream' && node.kind === 'post');
      return list(
        items.filter((item) => query.filter === 'stream' || item._parent === id).sort(query.order === 'reverse_chronological' ? byTimeDesc : byTimeAsc),
        query,
        path,
      );
    }
    if (method === 'POST' && node.kind === 'page' && edge === 'feed') return reply(api.post(id, { id, name: node.name }, text));
    if (method === 'POST' && (node.kind === 'post' || node.kind === 'comment') && edge === 'comments') {
      const page = nodes.get(subject)!;
      return reply(api.comment(id, { id: page.id, name: page.name }, text));
    }
    if (method === 'POST' && node.kind === 'page' && edge === 'messages') {
      const recipient = body.recipient ?? {};
      const resident = recipient.comment_id ? nodes.get(String(recipient.comment_id))?.from?.id : recipient.id;
      if (!resident || typeof body.message?.text !== 'string')
        return error(400, { message: '(#100) The parameter recipient is required', type: 'OAuthException', code: 100 });
      const messageId = `m_${nextId()}`;
      sentMessages.push({ sender: id, recipient, text: body.message.text, messageId, messagingType: body.messaging_type ?? null });
      return { status: 200, body: { recipient_id: String(resident), message_id: messageId }, headers: {} };
    }
    if (method === 'GET' && node.kind === 'iguser' && edge === 'media') return list(api.mediaOf(id).sort(byTimeDesc), query, path);
    if (method === 'GET' && node.kind === 'igmedia' && edge === 'comments') return list(igCommentsOf(id, false).sort(byTimeDesc), query, path);
    if (method === 'GET' && node.kind === 'igcomment' && edge === 'replies') return list(igCommentsOf(id, false).sort(byTimeAsc), query, path);
    const self = [...nodes.values()].find((candidate) => candidate.kind === 'iguser' && candidate._page === subject);
    if (method === 'POST' && node.kind === 'igmedia' && edge === 'comments' && self)
      return reply(api.igComment(id, { id: self.id, username: self.username }, text));
    if (method === 'POST' && node.kind === 'igcomment' && edge === 'replies' && self) {
      if (node.parent_id) return error(400, { message: 'Invalid parameter', type: 'OAuthException', code: 100, error_subcode: 2534023 });
      return reply(api.igComment(id, { id: self.id, username: self.username }, text));
    }
    if (method === 'POST' && node.kind === 'iguser' && edge === 'media') {
      if (typeof body.image_url !== 'string') return error(400, { message: 'The parameter image_url is required.', type: 'OAuthException', code: 100 });
      return reply(add({ id: nextId(), kind: 'container', _image: body.image_url, _caption: body.caption ?? '', _owner: id }));
    }
    if (method === 'POST' && node.kind === 'iguser' && edge === 'media_publish') {
      const container = nodes.get(String(body.creation_id));
      if (container?.kind !== 'container') return missing(String(body.creation_id));
      nodes.delete(container.id);
      const media = api.media(id, String(container._caption));
      media._image = container._image;
      return reply(media);
    }
    return error(400, { message: `Unknown path components: /${edge}`, type: 'OAuthException', code: 2500 });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: Json = raw ? (request.headers['content-type']?.includes('json') ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw))) : {};
    const query = Object.fromEntries(url.searchParams);
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const token = bearer ?? query.access_token ?? null;
    const method = request.method ?? 'GET';
    const segments = url.pathname.split('/').filter(Boolean);
    const path = `/${segments.slice(1).join('/')}`;
    requests.push({ method, path, query, body: raw ? body : null, token });
    const send = (result: { status: number; body: Json; headers: Record<string, string> }) =>
      response.writeHead(result.status, { 'content-type': 'application/json; charset=UTF-8', ...result.headers }).end(JSON.stringify(result.body));

    if (!/^v\d+\.\d+$/.test(segments[0] ?? '')) return send(error(400, { message: 'Unknown version', type: 'OAuthException', code: 2635 }));
    const grant = token ? tokens.get(token) : undefined;
    if (!token)
      return send(
        error(400, { message: 'An active access token must be used to query information about the current user.', type: 'OAuthException', code: 2500 }),
      );
    if (!grant || grant.expired) {
      return send(
        error(400, {
          message: 'Error validating access token: Session has expired on Monday, 23-Nov-26 08:00:00 PST.',
          type: 'OAuthException',
          code: 190,
          error_subcode: 463,
        }),
      );
    }
    const failure = failures.findIndex((candidate) => candidate.match(method, path));
    const planned = failure >= 0 ? failures.splice(failure, 1)[0]! : null;
    if (planned && !planned.afterEffect)
      return send(error(planned.status, planned.error ?? { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1 }, planned.headers));
    const result = route(method, segments.slice(1), query, body, grant.subject);
    if (planned)
      return send(
        error(
          planned.status,
          planned.error ?? { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2 },
          planned.headers,
        ),
      );
    send(result);
  }

  const http = createServer((request, response) => {
    handle(request, response).catch((cause) =>
      response.writeHead(500).end(JSON.stringify({ error: { message: String(cause), type: 'FakeServerError', code: 1 } })),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const server = {
    ...api,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    failures,
    sentMessages,
    // Throttling as Meta answers it: code 4 (app) with X-App-Usage, or 32/80001 (page, business use
    // case) with X-Business-Use-Case-Usage and its estimated_time_to_regain_access in minutes.
    throttle(match: Failure['match'], code: 4 | 32 | 80001, minutes: number) {
      const usage = { call_count: 100, total_cputime: 12, total_time: 15, estimated_time_to_regain_access: minutes };
      const headers: Record<string, string> =
        code === 4
          ? { 'x-app-usage': JSON.stringify(usage) }
          : { 'x-business-use-case-usage': JSON.stringify({ '1234567890': [{ type: code === 32 ? 'pages' : 'instagram', ...usage }] }) };
      const message =
        code === 4
          ? '(#4) Application request limit reached'
          : code === 32
            ? '(#32) Page request limit reached'
            : '(#80001) There have been too many calls to this Page account.';
      failures.push({ match, status: 400, headers, error: { message, type: 'OAuthException', code, is_transient: true } });
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
  return server;
}

export type MetaGraphServer = Awaited<ReturnType<typeof startMetaGraphServer>>;
