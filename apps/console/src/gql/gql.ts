/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TenantBills($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      dailySpend(from: $from, to: $to, groupBy: NAMESPACE) {\n        day\n        key\n        amount\n      }\n    }\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      periodStart\n      periodEnd\n      status\n      total\n      pdfUrl\n    }\n  }\n": typeof types.TenantBillsDocument,
    "\n  query TenantDayLines($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      workspaces {\n        id\n        namespace\n        usage(from: $from, to: $to) {\n          namespace\n          hour\n          resource\n          quantity\n          amount\n        }\n      }\n    }\n  }\n": typeof types.TenantDayLinesDocument,
    "\n  query TenantStatement($tenantId: ID!, $month: String!) {\n    statement(tenantId: $tenantId, month: $month) {\n      currency\n      final\n      periodStart\n      periodEnd\n      opening\n      recharges\n      charges\n      adjustments\n      other\n      closing\n      usage {\n        namespace\n        resource\n        amount\n      }\n    }\n  }\n": typeof types.TenantStatementDocument,
    "\n  query FinanceTenants($search: String, $first: Int!, $after: String) {\n    tenants(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          currency\n          wallet {\n            id\n            balance\n            currency\n            debtState\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FinanceTenantsDocument,
    "\n  query FinanceTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          ...WalletFigures\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        suspensionReasons\n        subAccount {\n          id\n          name\n        }\n      }\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": typeof types.FinanceTenantDocument,
    "\n  query SignedInUser {\n    me {\n      id\n      externalId\n      email\n      platformRole\n      memberships {\n        role\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SignedInUserDocument,
    "\n  query ApiKeyTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n    }\n  }\n": typeof types.ApiKeyTenantDocument,
    "\n  query TenantSpending($tenantId: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n      }\n      dailySpend(from: $from, to: $to, groupBy: $groupBy) {\n        day\n        key\n        amount\n      }\n    }\n  }\n": typeof types.TenantSpendingDocument,
    "\n  mutation StartRecharge($input: StartRechargeInput!) {\n    startRecharge(input: $input) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n": typeof types.StartRechargeDocument,
    "\n  query Recharge($id: ID!) {\n    recharge(id: $id) {\n      id\n      status\n      amount\n      bonus\n      wallet {\n        id\n        currency\n        balance\n      }\n    }\n  }\n": typeof types.RechargeDocument,
    "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      id\n    }\n  }\n": typeof types.TransferDocument,
    "\n  fragment WalletFigures on Wallet {\n    id\n    kind\n    currency\n    balance\n    pendingCharges\n    availableBalance\n    spendRate\n    runsOutAt\n    pendingThrough\n    debtState\n  }\n": typeof types.WalletFiguresFragmentDoc,
    "\n  query TenantWallets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        wallet {\n          ...WalletFigures\n        }\n      }\n    }\n  }\n": typeof types.TenantWalletsDocument,
};
const documents: Documents = {
    "\n  query TenantBills($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      dailySpend(from: $from, to: $to, groupBy: NAMESPACE) {\n        day\n        key\n        amount\n      }\n    }\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      periodStart\n      periodEnd\n      status\n      total\n      pdfUrl\n    }\n  }\n": types.TenantBillsDocument,
    "\n  query TenantDayLines($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      workspaces {\n        id\n        namespace\n        usage(from: $from, to: $to) {\n          namespace\n          hour\n          resource\n          quantity\n          amount\n        }\n      }\n    }\n  }\n": types.TenantDayLinesDocument,
    "\n  query TenantStatement($tenantId: ID!, $month: String!) {\n    statement(tenantId: $tenantId, month: $month) {\n      currency\n      final\n      periodStart\n      periodEnd\n      opening\n      recharges\n      charges\n      adjustments\n      other\n      closing\n      usage {\n        namespace\n        resource\n        amount\n      }\n    }\n  }\n": types.TenantStatementDocument,
    "\n  query FinanceTenants($search: String, $first: Int!, $after: String) {\n    tenants(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          currency\n          wallet {\n            id\n            balance\n            currency\n            debtState\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FinanceTenantsDocument,
    "\n  query FinanceTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          ...WalletFigures\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        suspensionReasons\n        subAccount {\n          id\n          name\n        }\n      }\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": types.FinanceTenantDocument,
    "\n  query SignedInUser {\n    me {\n      id\n      externalId\n      email\n      platformRole\n      memberships {\n        role\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SignedInUserDocument,
    "\n  query ApiKeyTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n    }\n  }\n": types.ApiKeyTenantDocument,
    "\n  query TenantSpending($tenantId: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n      }\n      dailySpend(from: $from, to: $to, groupBy: $groupBy) {\n        day\n        key\n        amount\n      }\n    }\n  }\n": types.TenantSpendingDocument,
    "\n  mutation StartRecharge($input: StartRechargeInput!) {\n    startRecharge(input: $input) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n": types.StartRechargeDocument,
    "\n  query Recharge($id: ID!) {\n    recharge(id: $id) {\n      id\n      status\n      amount\n      bonus\n      wallet {\n        id\n        currency\n        balance\n      }\n    }\n  }\n": types.RechargeDocument,
    "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      id\n    }\n  }\n": types.TransferDocument,
    "\n  fragment WalletFigures on Wallet {\n    id\n    kind\n    currency\n    balance\n    pendingCharges\n    availableBalance\n    spendRate\n    runsOutAt\n    pendingThrough\n    debtState\n  }\n": types.WalletFiguresFragmentDoc,
    "\n  query TenantWallets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        wallet {\n          ...WalletFigures\n        }\n      }\n    }\n  }\n": types.TenantWalletsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantBills($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      dailySpend(from: $from, to: $to, groupBy: NAMESPACE) {\n        day\n        key\n        amount\n      }\n    }\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      periodStart\n      periodEnd\n      status\n      total\n      pdfUrl\n    }\n  }\n"): typeof import('./graphql').TenantBillsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantDayLines($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      workspaces {\n        id\n        namespace\n        usage(from: $from, to: $to) {\n          namespace\n          hour\n          resource\n          quantity\n          amount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TenantDayLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantStatement($tenantId: ID!, $month: String!) {\n    statement(tenantId: $tenantId, month: $month) {\n      currency\n      final\n      periodStart\n      periodEnd\n      opening\n      recharges\n      charges\n      adjustments\n      other\n      closing\n      usage {\n        namespace\n        resource\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').TenantStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FinanceTenants($search: String, $first: Int!, $after: String) {\n    tenants(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          currency\n          wallet {\n            id\n            balance\n            currency\n            debtState\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').FinanceTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FinanceTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          ...WalletFigures\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        suspensionReasons\n        subAccount {\n          id\n          name\n        }\n      }\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').FinanceTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedInUser {\n    me {\n      id\n      externalId\n      email\n      platformRole\n      memberships {\n        role\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SignedInUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ApiKeyTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSpending($tenantId: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n      }\n      dailySpend(from: $from, to: $to, groupBy: $groupBy) {\n        day\n        key\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').TenantSpendingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRecharge($input: StartRechargeInput!) {\n    startRecharge(input: $input) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n"): typeof import('./graphql').StartRechargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recharge($id: ID!) {\n    recharge(id: $id) {\n      id\n      status\n      amount\n      bonus\n      wallet {\n        id\n        currency\n        balance\n      }\n    }\n  }\n"): typeof import('./graphql').RechargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').TransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WalletFigures on Wallet {\n    id\n    kind\n    currency\n    balance\n    pendingCharges\n    availableBalance\n    spendRate\n    runsOutAt\n    pendingThrough\n    debtState\n  }\n"): typeof import('./graphql').WalletFiguresFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantWallets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        wallet {\n          ...WalletFigures\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TenantWalletsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
