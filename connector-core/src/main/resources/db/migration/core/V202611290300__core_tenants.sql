-- Tenants: one row per company using the hub.
CREATE TABLE tenants (
    id         VARCHAR(40)              NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
