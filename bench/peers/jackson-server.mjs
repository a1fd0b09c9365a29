// Peer for the SCIM create bench: BoxyHQ Jackson's directory sync (generic SCIM v2) over PostgreSQL, served from
// node:http through directorySyncController.requests.handle. It creates (and at exit drops) its own database.
// Usage: node jackson-server.mjs [port]   (or PORT=...); JACKSON_POSTGRES_URL=postgres://postgres@127.0.0.1:55433
// Prints "ready <baseUrl> <secret>"; exits on SIGTERM.
import http from "node:http";
import pg from "pg";
import jacksonModule from "@boxyhq/saml-jackson";

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const serverUrl = process.env.JACKSON_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:55433";
const database = process.env.JACKSON_DATABASE ?? "jackson_bench";

async function admin(sql) {
    const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    await client.connect();
    try { await client.query(sql); } finally { await client.end(); }
}

await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin(`CREATE DATABASE ${database}`);

const { directorySyncController } = await jacksonModule.controllers({
    externalUrl: "http://127.0.0.1",
    samlPath: "/api/oauth/saml",
    samlAudience: "https://saml.boxyhq.com",
    db: { engine: "sql", type: "postgres", url: `${serverUrl}/${database}` },
});

const created = await directorySyncController.directories.create({
    name: "bench", tenant: "acme.test", product: "bench", type: "generic-scim-v2",
});
if (created.error) throw new Error(`directory: ${JSON.stringify(created.error)}`);
const directory = created.data;

// /api/scim/v2.0/{directoryId}/{Users|Groups}[/{id}]
const route = /^\/api\/scim\/v2\.0\/([^/]+)\/(Users|Groups)(?:\/([^/?]+))?$/;
const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const match = route.exec(url.pathname);
    if (!match) { res.writeHead(404).end(); return; }
    let raw = "";
    for await (const chunk of req) raw += chunk;
    try {
        const { status, data } = await directorySyncController.requests.handle({
            method: req.method,
            body: raw ? JSON.parse(raw) : undefined,
            directoryId: match[1],
            resourceType: match[2].toLowerCase(),
            resourceId: match[3],
            apiSecret: (req.headers.authorization ?? "").replace(/^Bearer /, ""),
            query: {
                filter: url.searchParams.get("filter") ?? undefined,
                count: url.searchParams.has("count") ? Number(url.searchParams.get("count")) : undefined,
                startIndex: url.searchParams.has("startIndex") ? Number(url.searchParams.get("startIndex")) : undefined,
            },
        });
        res.writeHead(status, { "Content-Type": "application/scim+json" }).end(JSON.stringify(data));
    } catch (error) {
        res.writeHead(500, { "Content-Type": "text/plain" }).end(String(error?.stack ?? error));
    }
});

server.listen(port, "127.0.0.1", () => {
    console.log(`ready http://127.0.0.1:${server.address().port}/api/scim/v2.0/${directory.id} ${directory.scim.secret}`);
});
process.on("SIGTERM", () => server.close(async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    process.exit(0);
}));
