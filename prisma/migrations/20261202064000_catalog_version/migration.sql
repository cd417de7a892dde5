-- One row whose version changes whenever a storefront page (catalog, producer, beat) could change:
-- a beat, its files or tiers, a producer or their license terms was written. Public pages derive
-- their validator (ETag) from it, so a CDN or browser revalidating gets a new page after any change.
CREATE TABLE "CatalogVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "CatalogVersion_pkey" PRIMARY KEY ("id")
);

-- Bumped at COMMIT (deferred constraint triggers), once per transaction: the row lock is the last
-- one a transaction takes, so it can never be part of a deadlock, and the new version becomes visible
-- in the same instant as the change itself (a reader never pairs a new version with old data).
CREATE FUNCTION "bump_catalog_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('beatstall.catalog_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('beatstall.catalog_bumped', txid_current()::text, true);
    -- The row is made by the first change (no row reads as version 0).
    INSERT INTO "CatalogVersion" ("id", "version") VALUES (1, 1)
      ON CONFLICT ("id") DO UPDATE SET "version" = "CatalogVersion"."version" + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Beat_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "Beat"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();
CREATE CONSTRAINT TRIGGER "BeatFile_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "BeatFile"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();
CREATE CONSTRAINT TRIGGER "BeatTier_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "BeatTier"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();
CREATE CONSTRAINT TRIGGER "Producer_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "Producer"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();
CREATE CONSTRAINT TRIGGER "ProducerLicenseTerms_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "ProducerLicenseTerms"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();
