import { graphql } from '../gql';

/** The price book in force for the tenant's currency. */
export const CurrentPriceBookQuery = graphql(`
  query CurrentPriceBook($currency: String!) {
    priceBook(currency: $currency) {
      id
      version
      currency
      effectiveFrom
      prices {
        resource
        unit
        pricePerUnitHour
        scale
      }
    }
  }
`);
