// Peer for the SCIM create bench: scimmy + scimmy-routers, users kept in a Map in memory (no durability at all).
// Usage: node scimmy-server.mjs [port]   (or PORT=...). Prints "ready <baseUrl> <token>"; exits on SIGTERM.
import { randomUUID } from "node:crypto";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const token = randomUUID();
const users = new Map();
const byUserName = new Map(); // lower-cased userName -> id: userName is unique, case-insensitively (RFC 7643 §4.1.1)

SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress((resource, instance) => {
        const key = instance.userName.toLowerCase();
        const taken = byUserName.get(key);
        if (taken && taken !== resource.id) throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${instance.userName} is taken`);
        const now = new Date();
        const id = resource.id ?? randomUUID();
        const existing = users.get(id);
        if (resource.id && !existing) throw new SCIMMY.Types.Error(404, null, `Resource ${id} not found`);
        if (existing) byUserName.delete(existing.userName.toLowerCase());
        const user = { ...instance, id, meta: { created: existing?.meta.created ?? now, lastModified: now } };
        users.set(id, user);
        byUserName.set(key, id);
        return user;
    })
    // A query: the filter is matched here by scimmy's own Filter (a scan of the Map); scimmy's ListResponse sorts and pages.
    .egress((resource) => {
        if (!resource.id) return resource.filter ? resource.filter.match([...users.values()]) : [...users.values()];
        const user = users.get(resource.id);
        if (!user) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        return user;
    })
    .degress((resource) => {
        const user = users.get(resource.id);
        if (!user) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        users.delete(resource.id);
        byUserName.delete(user.userName.toLowerCase());
    });

const app = express();
app.use("/scim/v2", new SCIMMYRouters({
    type: "bearer",
    docUri: "http://127.0.0.1/docs",
    handler: (request) => {
        if (request.header("Authorization") !== `Bearer ${token}`) throw new Error("Authorization failure");
        return "bench";
    },
}));
const server = app.listen(port, "127.0.0.1", () => {
    console.log(`ready http://127.0.0.1:${server.address().port}/scim/v2 ${token}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
