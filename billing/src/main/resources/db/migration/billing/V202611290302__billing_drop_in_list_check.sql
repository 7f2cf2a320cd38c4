-- H2 2.4.240 binds a CHECK constraint's IN list (and OR chains it rewrites into one) to the session that created
-- it: once that connection closes (Hikari retires it after max-lifetime), every insert fails with "Check constraint
-- invalid ... The database has been closed". Entry types are guarded by the code's enum instead. Numeric CHECKs
-- (billing_accounts, billing_ledger_coins) are not affected and stay.
ALTER TABLE billing_ledger DROP CONSTRAINT billing_ledger_type;
