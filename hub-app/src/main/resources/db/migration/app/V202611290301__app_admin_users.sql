-- Admin page users (bcrypt hashes) and one-off setup markers such as "demo help center loaded".
CREATE TABLE admin_users (
    username      VARCHAR(100)             NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE setup_markers (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
