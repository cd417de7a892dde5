import type { Tx } from '~/models/db.server'
import { getEnv } from '~/lib/env.server'
import { logger } from '~/lib/logger.server'
import type { NewOrderItem } from '~/models/order/order.server'
import { findUnsealedContracts, getContractSettings, getContractTemplates, sealContract } from '~/models/contract.server'
import { defaultTemplateFor } from './defaults'
import { contractSha256 } from './hash.server'
import { checkTemplate, renderTemplate } from './template'
import { checkoutValues, paymentValues, type ContractSettings } from './values'
import type { ContractValues } from './variables'

// A contract is frozen in two steps (docs/decisions/0011-frozen-contracts.md): checkout freezes the
// producer's template and every value it knows; the payment adds the buyer, the order's number and
// the date, then fills the text and hashes it, in the completion's transaction.

/** The checkout's order lines, each with its contract template and checkout-time values. */
export async function withContracts(tx: Tx, currency: string, items: NewOrderItem[]): Promise<NewOrderItem[]> {
  const perProducer = new Map<string, { settings: ContractSettings; templates: Partial<Record<string, string>> }>()
  for (const producerId of new Set(items.map((i) => i.producerId)))
    perProducer.set(producerId, {
      settings: await getContractSettings(producerId, tx),
      templates: await getContractTemplates(producerId, tx),
    })
  return items.map((item) => {
    const { settings, templates } = perProducer.get(item.producerId)!
    const values = checkoutValues({
      beatTitle: item.beatTitle,
      producerName: item.producerName,
      snapshot: item.termsSnapshot,
      priceCents: item.priceCents,
      currency,
      settings,
    })
    return { ...item, contractTemplate: usableTemplate(templates[item.tier], item.tier, item.producerId), contractValues: values }
  })
}

/**
 * A saved template was checked when saved, but the variables may have changed since: one that
 * would not fill completely falls back to the store's default rather than stop a sale or, worse,
 * fail inside the payment's transaction.
 */
function usableTemplate(saved: string | undefined, tier: string, producerId: string): string {
  if (saved === undefined) return defaultTemplateFor(tier)
  if (checkTemplate(saved).ok) return saved
  logger.warn({ producerId, tier }, 'saved contract template no longer passes the check; the default is used')
  return defaultTemplateFor(tier)
}

/** At payment: fills and hashes every frozen contract of the order that is not filled yet. */
export async function sealContracts(tx: Tx, orderId: string): Promise<void> {
  const lines = await findUnsealedContracts(tx, orderId)
  const appUrl = getEnv().APP_URL
  for (const line of lines) {
    const frozen = (line.contractValues ?? {}) as Partial<ContractValues>
    const values = {
      ...frozen,
      ...paymentValues({
        licenseId: line.id,
        orderNumber: line.order.number,
        paidAt: line.order.paidAt ?? line.order.createdAt,
        buyerName: line.order.buyerName,
        termYears: frozen.term_years ?? '0',
        appUrl,
      }),
    }
    let text: string
    try {
      text = renderTemplate(line.contractTemplate!, values)
    } catch (err) {
      // Never fail the payment over a contract: the line keeps the summary PDF, and the log says why.
      logger.error({ err, orderItemId: line.id }, 'frozen contract could not be filled; the line keeps the summary license')
      continue
    }
    await sealContract(tx, line.id, values, text, contractSha256(text))
  }
}
