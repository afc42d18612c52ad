-- A person's language and formats (null follows LOCALE), and the flag an admin's reset sets.
ALTER TABLE "user" ADD COLUMN "locale" TEXT;
ALTER TABLE "user" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
