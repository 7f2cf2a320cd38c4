-- A user with a tenant is an admin of that tenant only; without one (the first-start admin), the owner of every tenant.
ALTER TABLE admin_users ADD COLUMN tenant_id VARCHAR(40);
