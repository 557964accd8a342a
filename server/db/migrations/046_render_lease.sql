-- Who is rendering a guide, and until when (render-worker/worker.ts, server/db/render-lease.ts).
-- BullMQ's lock says which worker holds a job; this says which worker holds the guide, in the
-- database the reconcile trusts: a job Redis lost (and the reconcile enqueued again) or a job taken
-- over while its worker is still alive finds the lease live and waits, instead of rendering the
-- guide a second time. The worker renews the lease while it renders and gives it up when it is done.
ALTER TABLE guides ADD COLUMN render_owner uuid;
ALTER TABLE guides ADD COLUMN render_lease_until timestamptz;
