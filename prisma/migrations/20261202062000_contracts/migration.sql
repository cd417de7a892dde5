-- Contracts producers write: their settings, a template per tier, and the contract frozen into
-- each order line (template and values at checkout, filled text and its sha256 at payment).
CREATE TABLE "ProducerContractSettings" (
    "producerId" UUID NOT NULL,
    "legalName" TEXT,
    "territory" TEXT NOT NULL,
    "governingLaw" TEXT NOT NULL,
    "termYears" INTEGER NOT NULL,
    "publishingPercent" INTEGER NOT NULL,
    "creditLine" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProducerContractSettings_pkey" PRIMARY KEY ("producerId")
);
ALTER TABLE "ProducerContractSettings" ADD CONSTRAINT "ProducerContractSettings_producerId_fkey"
    FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ContractTemplate" (
    "producerId" UUID NOT NULL,
    "tier" "LicenseTier" NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContractTemplate_pkey" PRIMARY KEY ("producerId", "tier")
);
ALTER TABLE "ContractTemplate" ADD CONSTRAINT "ContractTemplate_producerId_fkey"
    FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OrderItem" ADD COLUMN "contractTemplate" TEXT;
ALTER TABLE "OrderItem" ADD COLUMN "contractValues" JSONB;
ALTER TABLE "OrderItem" ADD COLUMN "contractText" TEXT;
ALTER TABLE "OrderItem" ADD COLUMN "contractSha256" TEXT;
