import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CardCartControl } from './card-cart-control'

const beat = { beatId: '11111111-1111-4111-8111-111111111111', beatTitle: 'Night Drive', currency: 'usd' }

describe('a catalog card’s cart button', () => {
  it('asks which license when the beat has several (a dialog opens; nothing is picked silently)', () => {
    const html = renderToString(
      <CardCartControl
        {...beat}
        tiers={[
          { tier: 'BASIC', priceCents: 2500 },
          { tier: 'TRACKOUT', priceCents: 10000 },
        ]}
      />,
    )
    expect(html).toContain('aria-haspopup="dialog"')
    expect(html).toContain('aria-label="Add Night Drive to cart"')
  })

  it('stays one click where the beat has one license, and names it', () => {
    const html = renderToString(<CardCartControl {...beat} tiers={[{ tier: 'TRACKOUT', priceCents: 10000 }]} />)
    expect(html).not.toContain('aria-haspopup')
    expect(html).toContain('aria-label="Add Night Drive (Trackout) to cart"')
  })
})
