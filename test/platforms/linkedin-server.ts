import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for LinkedIn's Community Management API, faithful to the published docs where
// Plein depends on them: versioned /rest endpoints that refuse a request without LinkedIn-Version
// (400 VERSION_MISSING), Rest.li 2.0 with URNs URL-encoded as path keys, start/count paging with
// paging.total and a next link, 201 + x-restli-id on creation, error bodies {status, serviceErrorCode,
// code, message}, 429 without any reset header, and the OAuth refresh_token grant. Simplification:
// without X-Restli-Protocol-Version: 2.0.0 LinkedIn falls back to protocol 1.0; this server refuses it.

export interface FakePost {
  id: string;
  author: string;
  commentary: string;
  visibility: string;
  lifecycleState: string;
  distribution: unknown;
  createdAt: number;
  publishedAt: number;
  lastModifiedAt: number;
  deleted?: boolean;
}

export interface FakeComment {
  id: string;
  urn: string;
  actor: string;
  object: string;
  parentComment?: string;
  text: string;
  time: number;
  deleted?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
}

interface Failure {
  status: number;
  // Only requests whose "METHOD path" matches, made with this access token; all when absent.
  match?: RegExp;
  token?: string;
}

export interface LinkedInServer {
  url: string;
  requests: LoggedRequest[];
  posts: Map<string, FakePost>;
  comments: Map<string, FakeComment>;
  validTokens: Set<string>;
  expiredTokens: Set<string>;
  client: { id: string; secret: string };
  refreshTokens: Set<string>;
  tokenGrants: number;
  addPost(author: string, commentary: string, options?: { at?: number }): FakePost;
  addComment(object: string, actor: string, text: string, options?: { parentComment?: string; at?: number }): FakeComment;
  // Makes the next matching requests fail with this status (429 quota, 500, …).
  failNext(status: number, options?: { times?: number; match?: RegExp; token?: string }): void;
  commentsBy(actor: string, object?: string): FakeComment[];
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
};

const error = (response: ServerResponse, status: number, code: string, message: string, serviceErrorCode = status) =>
  json(response, status, { status, serviceErrorCode, code, message });

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// Rest.li 2.0: a URN as a path key is fully encoded; a raw ":" or "(" means the client did not.
function decodeKey(segment: string): string | null {
  if (/[:(),]/.test(segment)) return null;
  return decodeURIComponent(segment);
}

export async function startLinkedInServer(options: { now: () => number }): Promise<LinkedInServer> {
  let sequence = 7_000_000_000_000_000_000n;
  const failures: Failure[] = [];
  const next = () => {
    sequence += 1n;
    return sequence.toString();
  };

  const state = {
    requests: [] as LoggedRequest[],
    posts: new Map<string, FakePost>(),
    comments: new Map<string, FakeComment>(),
    validTokens: new Set<string>(),
    expiredTokens: new Set<string>(),
    client: { id: 'plein-client', secret: 'plein-client-secret' },
    refreshTokens: new Set<string>(),
    tokenGrants: 0,
  };

  const commentView = (comment: FakeComment) => ({
    id: comment.id,
    commentUrn: comment.urn,
    $URN: comment.urn,
    actor: comment.actor,
    object: comment.object,
    ...(comment.parentComment && { parentComment: comment.parentComment }),
    message: { text: comment.text, attributes: [] },
    created: { actor: comment.actor, time: comment.time },
    lastModified: { actor: comment.actor, time: comment.time },
    commentsSummary: {
      totalFirstLevelComments: [...state.comments.values()].filter((reply) => !reply.deleted && reply.parentComment === comment.urn).length,
      aggregatedTotalComments: [...state.comments.values()].filter((reply) => !reply.deleted && reply.parentComment === comment.urn).length,
    },
  });

  function page<T>(response: ServerResponse, path: string, query: URLSearchParams, all: T[]) {
    const start = Number(query.get('start') ?? 0);
    const count = Math.min(Number(query.get('count') ?? 10), 100);
    const elements = all.slice(start, start + count);
    const links = start + count < all.length ? [{ type: 'application/json', rel: 'next', href: `${path}?start=${start + count}&count=${count}` }] : [];
    json(response, 200, { paging: { start, count, links, total: all.length }, elements });
  }

  async function handleToken(request: IncomingMessage, response: ServerResponse) {
    const form = new URLSearchParams(await readBody(request));
    if (form.get('grant_type') !== 'refresh_token') return json(response, 400, { error: 'unsupported_grant_type', error_description: 'grant_type' });
    if (form.get('client_id') !== state.client.id || form.get('client_secret') !== state.client.secret) {
      return json(response, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    const refresh = form.get('refresh_token') ?? '';
    if (!state.refreshTokens.has(refresh))
      return json(response, 400, {
        error: 'invalid_request',
        error_description: 'The provided authorization grant or refresh token is invalid, expired or revoked',
      });
    state.tokenGrants += 1;
    const accessToken = `AQ-vernieuwd-${state.tokenGrants}-${next()}`;
    state.validTokens.add(accessToken);
    // The refresh token keeps its original 365-day lifetime, so the same one comes back.
    json(response, 200, {
      access_token: accessToken,
      expires_in: 5_184_000,
      refresh_token: refresh,
      refresh_token_expires_in: 31_536_000 - 86_400,
      scope: 'r_organization_social,w_organization_social',
    });
  }

  async function handleRest(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? 'GET';
    if (!request.headers['linkedin-version'])
      return error(response, 400, 'VERSION_MISSING', 'A version must be present. Please specify a version by adding the LinkedIn-Version header.');
    if (!/^\d{6}$/.test(String(request.headers['linkedin-version'])))
      return error(response, 426, 'NONEXISTENT_VERSION', `Requested version ${request.headers['linkedin-version']} is not active`);
    if (request.headers['x-restli-protocol-version'] !== '2.0.0')
      return error(response, 400, 'PROTOCOL_VERSION', 'This server only speaks Rest.li protocol 2.0.0 (X-Restli-Protocol-Version: 2.0.0).');
    const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? '';
    if (!token) return error(response, 401, 'EMPTY_ACCESS_TOKEN', 'Empty oauth2_access_token', 401);
    if (state.expiredTokens.has(token)) return error(response, 401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired', 65601);
    if (!state.validTokens.has(token)) return error(response, 401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
    const failure = failures.findIndex(
      (candidate) => (!candidate.match || candidate.match.test(`${method} ${url.pathname}`)) && (!candidate.token || candidate.token === token),
    );
    if (failure >= 0) {
      const { status } = failures.splice(failure, 1)[0]!;
      // LinkedIn's 429 carries no Retry-After and no reset header.
      if (status === 429) return error(response, 429, 'TOO_MANY_REQUESTS', 'Resource level throttle limit for calls to this resource is reached.', 101);
      return error(response, status, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
    }

    const segments = url.pathname.split('/').slice(2);
    // /rest/posts and /rest/posts/{urn}
    if (segments[0] === 'posts') {
      if (segments.length === 1 && method === 'GET') {
        if (url.searchParams.get('q') !== 'author') return error(response, 400, 'ILLEGAL_ARGUMENT', 'q=author is required');
        const author = url.searchParams.get('author');
        const sortBy = url.searchParams.get('sortBy') ?? 'LAST_MODIFIED';
        const posts = [...state.posts.values()]
          .filter((post) => !post.deleted && post.author === author)
          .sort((a, b) => (sortBy === 'CREATED' ? b.createdAt - a.createdAt : b.lastModifiedAt - a.lastModifiedAt));
        return page(response, url.pathname, url.searchParams, posts);
      }
      if (segments.length === 1 && method === 'POST') {
        const body = JSON.parse(await readBody(request)) as Record<string, any>;
        const missing = ['author', 'commentary', 'visibility', 'distribution', 'lifecycleState'].filter((field) => body[field] === undefined);
        if (missing.length > 0)
          return json(response, 422, {
            status: 422,
            message: missing.map((field) => `ERROR :: /${field} :: field is required but not found and has no default value`).join('\n'),
          });
        if (body.commentary.length > 3000) return error(response, 422, 'INVALID_CONTENT', 'commentary is longer than 3000 characters');
        const post = addPost(body.author, body.commentary, {
          distribution: body.distribution,
          visibility: body.visibility,
          lifecycleState: body.lifecycleState,
        });
        response.writeHead(201, { 'x-restli-id': post.id });
        return response.end();
      }
      if (segments.length === 2 && method === 'DELETE') {
        const urn = decodeKey(segments[1]!);
        if (!urn) return error(response, 400, 'ILLEGAL_ARGUMENT', 'The resource key must be URL-encoded (Rest.li 2.0)');
        const post = state.posts.get(urn);
        if (!post || post.deleted) return error(response, 404, 'NOT_FOUND', 'Not Found');
        post.deleted = true;
        response.writeHead(204);
        return response.end();
      }
    }
    // /rest/socialActions/{post or comment urn}/comments[/{id}]
    if (segments[0] === 'socialActions' && segments[2] === 'comments') {
      const target = decodeKey(segments[1] ?? '');
      if (!target) return error(response, 400, 'ILLEGAL_ARGUMENT', 'The resource key must be URL-encoded (Rest.li 2.0)');
      const onComment = target.startsWith('urn:li:comment:');
      if (!onComment && !state.posts.has(target)) return error(response, 404, 'NOT_FOUND', 'Not Found');
      if (onComment && !state.comments.has(target)) return error(response, 404, 'NOT_FOUND', 'Not Found');
      if (segments.length === 3 && method === 'GET') {
        const comments = [...state.comments.values()]
          .filter((comment) => !comment.deleted && (onComment ? comment.parentComment === target : comment.object === target && !comment.parentComment))
          .sort((a, b) => a.time - b.time);
        return page(response, url.pathname, url.searchParams, comments.map(commentView));
      }
      if (segments.length === 3 && method === 'POST') {
        const body = JSON.parse(await readBody(request)) as Record<string, any>;
        if (!body.actor || !body.object || typeof body.message?.text !== 'string')
          return error(response, 422, 'INVALID_CONTENT', 'actor, object and message are required');
        if (!state.posts.has(body.object)) return error(response, 400, 'ILLEGAL_ARGUMENT', 'object must be the post that is commented on');
        // A nested comment names its parent twice: as the path key and as parentComment.
        if (onComment ? body.parentComment !== target : body.object !== target)
          return error(response, 400, 'ILLEGAL_ARGUMENT', 'path and body disagree on what is commented on');
        if (body.parentComment && state.comments.get(body.parentComment)?.parentComment)
          return error(response, 400, 'ILLEGAL_ARGUMENT', 'comments nest one level only');
        const comment = addComment(body.object, body.actor, body.message.text, { parentComment: body.parentComment });
        return json(response, 201, commentView(comment), { 'x-restli-id': comment.id });
      }
      if (segments.length === 4 && method === 'DELETE') {
        const comment = [...state.comments.values()].find((candidate) => candidate.id === decodeURIComponent(segments[3]!));
        if (!url.searchParams.get('actor')) return error(response, 400, 'ILLEGAL_ARGUMENT', 'actor is required');
        if (!comment || comment.deleted) return error(response, 404, 'NOT_FOUND', 'Not Found');
        comment.deleted = true;
        response.writeHead(204);
        return response.end();
      }
    }
    return error(response, 404, 'NOT_FOUND', `No resource at ${method} ${url.pathname}`);
  }

  function addPost(
    author: string,
    commentary: string,
    extra: { at?: number; distribution?: unknown; visibility?: string; lifecycleState?: string } = {},
  ): FakePost {
    const at = extra.at ?? options.now();
    const post: FakePost = {
      id: `urn:li:share:${next()}`,
      author,
      commentary,
      visibility: extra.visibility ?? 'PUBLIC',
      lifecycleState: extra.lifecycleState ?? 'PUBLISHED',
      distribution: extra.distribution ?? { feedDistribution: 'MAIN_FEED' },
      createdAt: at,
      publishedAt: at,
      lastModifiedAt: at,
    };
    state.posts.set(post.id, post);
    return post;
  }

  function addComment(object: string, actor: string, text: string, extra: { parentComment?: string; at?: number } = {}): FakeComment {
    const id = next();
    const comment: FakeComment = {
      id,
      urn: `urn:li:comment:(${object},${id})`,
      actor,
      object,
      parentComment: extra.parentComment,
      text,
      time: extra.at ?? options.now(),
    };
    state.comments.set(comment.urn, comment);
    return comment;
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://linkedin.test');
    const rawPath = (request.url ?? '/').split('?')[0]!;
    const log: LoggedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, status: 0 };
    state.requests.push(log);
    response.on('finish', () => (log.status = response.statusCode));
    const handled =
      url.pathname === '/oauth/v2/accessToken' && request.method === 'POST'
        ? handleToken(request, response)
        : rawPath.startsWith('/rest/')
          ? handleRest(request, response, new URL(rawPath + url.search, 'http://linkedin.test'))
          : Promise.resolve(error(response, 404, 'NOT_FOUND', 'Not Found'));
    handled.catch((failure: unknown) => error(response, 500, 'INTERNAL_SERVER_ERROR', String(failure)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    addPost: (author: string, commentary: string, extra?: { at?: number }) => addPost(author, commentary, extra),
    addComment,
    failNext: (status: number, { times = 1, match, token }: { times?: number; match?: RegExp; token?: string } = {}) => {
      for (let i = 0; i < times; i++) failures.push({ status, match, token });
    },
    commentsBy: (actor: string, object?: string) =>
      [...state.comments.values()].filter((comment) => !comment.deleted && comment.actor === actor && (!object || comment.object === object)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
