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
    "\n  query TenantMembers($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": typeof types.TenantMembersDocument,
    "\n  query TenantApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.TenantApiKeysDocument,
    "\n  mutation CreateApiKey($tenantId: ID!, $name: String!) {\n    createApiKey(tenantId: $tenantId, name: $name) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      role\n      user {\n        id\n      }\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) {\n      id\n      createdAt\n    }\n  }\n": typeof types.AdjustBalanceDocument,
    "\n  mutation GrantCredit(\n    $walletId: ID!\n    $amount: Money!\n    $expiresAt: DateTime!\n    $reason: String!\n    $idempotencyKey: String\n  ) {\n    grantCredit(\n      walletId: $walletId\n      amount: $amount\n      expiresAt: $expiresAt\n      reason: $reason\n      idempotencyKey: $idempotencyKey\n    ) {\n      id\n      amount\n      expiresAt\n    }\n  }\n": typeof types.GrantCreditDocument,
    "\n  mutation SuspendNamespace($namespace: String!, $reason: String!) {\n    suspendNamespace(namespace: $namespace, reason: $reason) {\n      id\n      namespace\n    }\n  }\n": typeof types.SuspendNamespaceDocument,
    "\n  mutation ResumeNamespace($namespace: String!, $reason: String!) {\n    resumeNamespace(namespace: $namespace, reason: $reason) {\n      id\n      namespace\n    }\n  }\n": typeof types.ResumeNamespaceDocument,
    "\n  query TenantInvoices($tenantId: ID!) {\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      status\n      total\n      currency\n      periodStart\n      voidReason\n      reissueOf\n    }\n  }\n": typeof types.TenantInvoicesDocument,
    "\n  mutation VoidInvoice($id: ID!, $reason: String!) {\n    voidInvoice(id: $id, reason: $reason) {\n      id\n      number\n    }\n  }\n": typeof types.VoidInvoiceDocument,
    "\n  mutation ReissueInvoice($id: ID!, $reason: String!) {\n    reissueInvoice(id: $id, reason: $reason) {\n      id\n      number\n    }\n  }\n": typeof types.ReissueInvoiceDocument,
    "\n  query AuditLog($actorId: ID, $tenantId: ID, $kind: AuditKind, $first: Int!, $after: String) {\n    auditLog(actorId: $actorId, tenantId: $tenantId, kind: $kind, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          actorType\n          actorId\n          tenantId\n          targetType\n          targetId\n          reason\n          requestId\n          amount\n          currency\n          transactionId\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query FinanceOverview($currency: String!, $from: DateTime!, $to: DateTime!) {\n    financeOverview(currency: $currency, from: $from, to: $to) {\n      currency\n      balance\n      paid\n      promotional\n      wallets\n      pendingUsage\n      walletsByDebtState {\n        state\n        wallets\n      }\n      dailyTotals {\n        day\n        charges\n        recharges\n      }\n    }\n    reconciliationReports(first: 1) {\n      ...ReconciliationRun\n    }\n  }\n": typeof types.FinanceOverviewDocument,
    "\n  fragment ReconciliationRun on ReconciliationReport {\n    id\n    trigger\n    status\n    fromHour\n    toHour\n    startedAt\n    finishedAt\n    hoursChecked\n    flaggedHours\n    refilledSamples\n    adjustments\n    sourceMismatches\n    ledgerMismatches\n    findings {\n      kind\n      action\n      namespace\n      hour\n      detail\n    }\n  }\n": typeof types.ReconciliationRunFragmentDoc,
    "\n  query DebtBoard($state: DebtState!, $first: Int!, $after: String) {\n    debtBoard(state: $state, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          state\n          since\n          tenant {\n            id\n            name\n          }\n          wallet {\n            id\n            kind\n            balance\n            availableBalance\n            currency\n            runsOutAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DebtBoardDocument,
    "\n  query ReconciliationRuns($first: Int!, $before: DateTime) {\n    reconciliationReports(first: $first, before: $before) {\n      ...ReconciliationRun\n    }\n  }\n": typeof types.ReconciliationRunsDocument,
    "\n  query PriceBooks($currency: String!) {\n    priceBooks(currency: $currency, first: 50) {\n      ...PriceBookVersion\n    }\n    priceBook(currency: $currency) {\n      ...PriceBookVersion\n    }\n  }\n": typeof types.PriceBooksDocument,
    "\n  fragment PriceBookVersion on PriceBook {\n    id\n    version\n    currency\n    effectiveFrom\n    prices {\n      resource\n      unit\n      pricePerUnitHour\n      scale\n    }\n  }\n": typeof types.PriceBookVersionFragmentDoc,
    "\n  mutation CreatePriceBookVersion($input: CreatePriceBookVersionInput!) {\n    createPriceBookVersion(input: $input) {\n      ...PriceBookVersion\n    }\n  }\n": typeof types.CreatePriceBookVersionDocument,
    "\n  query NamespaceUsage($namespace: String!, $from: DateTime!, $to: DateTime!) {\n    workspace(namespace: $namespace) {\n      namespace\n      pendingCharges\n      tenant {\n        id\n        name\n      }\n      wallet {\n        currency\n      }\n      usage(from: $from, to: $to) {\n        hour\n        resource\n        quantity\n        amount\n      }\n    }\n  }\n": typeof types.NamespaceUsageDocument,
    "\n  query TenantBills($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      dailySpend(from: $from, to: $to, groupBy: NAMESPACE) {\n        day\n        key\n        amount\n      }\n    }\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      periodStart\n      periodEnd\n      status\n      total\n      pdfUrl\n    }\n  }\n": typeof types.TenantBillsDocument,
    "\n  query TenantDayLines($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      workspaces {\n        id\n        namespace\n        usage(from: $from, to: $to) {\n          namespace\n          hour\n          resource\n          quantity\n          amount\n        }\n      }\n    }\n  }\n": typeof types.TenantDayLinesDocument,
    "\n  query TenantStatement($tenantId: ID!, $month: String!) {\n    statement(tenantId: $tenantId, month: $month) {\n      currency\n      final\n      periodStart\n      periodEnd\n      opening\n      recharges\n      charges\n      adjustments\n      other\n      closing\n      usage {\n        namespace\n        resource\n        amount\n      }\n    }\n  }\n": typeof types.TenantStatementDocument,
    "\n  query TenantBudgets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        id\n        balance\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          id\n          balance\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        subAccount {\n          id\n        }\n      }\n    }\n  }\n": typeof types.TenantBudgetsDocument,
    "\n  mutation CreateSubAccount($input: CreateSubAccountInput!) {\n    createSubAccount(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateSubAccountDocument,
    "\n  mutation SetMonthlyBudget($subAccountId: ID!, $amount: Money) {\n    setMonthlyBudget(subAccountId: $subAccountId, amount: $amount) {\n      id\n      monthlyBudget\n    }\n  }\n": typeof types.SetMonthlyBudgetDocument,
    "\n  mutation SetSpendingCap($input: SetSpendingCapInput!) {\n    setSpendingCap(input: $input) {\n      workspace {\n        id\n      }\n      subAccount {\n        id\n      }\n    }\n  }\n": typeof types.SetSpendingCapDocument,
    "\n  query WalletAlerts($walletId: ID!) {\n    alerts(walletId: $walletId) {\n      id\n      kind\n      state\n      amount\n      percent\n      hours\n      lastTransitionAt\n    }\n  }\n": typeof types.WalletAlertsDocument,
    "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.CreateAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteAlertDocument,
    "\n  query CurrentPriceBook($currency: String!) {\n    priceBook(currency: $currency) {\n      id\n      version\n      currency\n      effectiveFrom\n      prices {\n        resource\n        unit\n        pricePerUnitHour\n        scale\n      }\n    }\n  }\n": typeof types.CurrentPriceBookDocument,
    "\n  query FinanceTenants($search: String, $first: Int!, $after: String) {\n    tenants(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          currency\n          wallet {\n            id\n            balance\n            currency\n            debtState\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FinanceTenantsDocument,
    "\n  query FinanceTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          ...WalletFigures\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        suspensionReasons\n        subAccount {\n          id\n          name\n        }\n      }\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": typeof types.FinanceTenantDocument,
    "\n  query LedgerEntries($walletId: ID!, $first: Int!, $after: String, $filter: LedgerEntryFilter) {\n    wallet(id: $walletId) {\n      id\n      currency\n      entries(first: $first, after: $after, filter: $filter) {\n        edges {\n          node {\n            id\n            amount\n            createdAt\n            transaction {\n              id\n              kind\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.LedgerEntriesDocument,
    "\n  mutation ExportLedgerEntries($walletId: ID!, $filter: LedgerEntryFilter) {\n    exportLedgerEntries(walletId: $walletId, filter: $filter) {\n      url\n      expiresAt\n    }\n  }\n": typeof types.ExportLedgerEntriesDocument,
    "\n  query SignedInUser {\n    me {\n      id\n      externalId\n      email\n      platformRole\n      memberships {\n        role\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SignedInUserDocument,
    "\n  query ApiKeyTenant {\n    apiKeyTenant {\n      id\n      name\n    }\n  }\n": typeof types.ApiKeyTenantDocument,
    "\n  query TenantSpending($tenantId: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n      }\n      dailySpend(from: $from, to: $to, groupBy: $groupBy) {\n        day\n        key\n        amount\n      }\n    }\n  }\n": typeof types.TenantSpendingDocument,
    "\n  query TenantRecharges($tenantId: ID!, $first: Int!, $after: String) {\n    recharges(tenantId: $tenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          status\n          amount\n          bonus\n          refunded\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TenantRechargesDocument,
    "\n  query WalletCredits($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      credits {\n        id\n        source\n        reason\n        amount\n        remaining\n        used\n        expired\n        grantedAt\n        expiresAt\n        expiredAt\n      }\n    }\n  }\n": typeof types.WalletCreditsDocument,
    "\n  mutation StartRecharge($input: StartRechargeInput!) {\n    startRecharge(input: $input) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n": typeof types.StartRechargeDocument,
    "\n  query Recharge($id: ID!) {\n    recharge(id: $id) {\n      id\n      status\n      amount\n      bonus\n      wallet {\n        id\n        currency\n        balance\n      }\n    }\n  }\n": typeof types.RechargeDocument,
    "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      id\n    }\n  }\n": typeof types.TransferDocument,
    "\n  fragment WalletFigures on Wallet {\n    id\n    kind\n    currency\n    balance\n    pendingCharges\n    availableBalance\n    spendRate\n    runsOutAt\n    pendingThrough\n    debtState\n  }\n": typeof types.WalletFiguresFragmentDoc,
    "\n  query TenantWallets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        wallet {\n          ...WalletFigures\n        }\n      }\n    }\n  }\n": typeof types.TenantWalletsDocument,
    "\n  query WebhookEndpoints($tenantId: ID!) {\n    webhookEndpoints(tenantId: $tenantId) {\n      id\n      url\n      eventTypes\n      createdAt\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          eventType\n          status\n          createdAt\n          attempts {\n            attempt\n            statusCode\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
};
const documents: Documents = {
    "\n  query TenantMembers($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": types.TenantMembersDocument,
    "\n  query TenantApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.TenantApiKeysDocument,
    "\n  mutation CreateApiKey($tenantId: ID!, $name: String!) {\n    createApiKey(tenantId: $tenantId, name: $name) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      role\n      user {\n        id\n      }\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) {\n      id\n      createdAt\n    }\n  }\n": types.AdjustBalanceDocument,
    "\n  mutation GrantCredit(\n    $walletId: ID!\n    $amount: Money!\n    $expiresAt: DateTime!\n    $reason: String!\n    $idempotencyKey: String\n  ) {\n    grantCredit(\n      walletId: $walletId\n      amount: $amount\n      expiresAt: $expiresAt\n      reason: $reason\n      idempotencyKey: $idempotencyKey\n    ) {\n      id\n      amount\n      expiresAt\n    }\n  }\n": types.GrantCreditDocument,
    "\n  mutation SuspendNamespace($namespace: String!, $reason: String!) {\n    suspendNamespace(namespace: $namespace, reason: $reason) {\n      id\n      namespace\n    }\n  }\n": types.SuspendNamespaceDocument,
    "\n  mutation ResumeNamespace($namespace: String!, $reason: String!) {\n    resumeNamespace(namespace: $namespace, reason: $reason) {\n      id\n      namespace\n    }\n  }\n": types.ResumeNamespaceDocument,
    "\n  query TenantInvoices($tenantId: ID!) {\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      status\n      total\n      currency\n      periodStart\n      voidReason\n      reissueOf\n    }\n  }\n": types.TenantInvoicesDocument,
    "\n  mutation VoidInvoice($id: ID!, $reason: String!) {\n    voidInvoice(id: $id, reason: $reason) {\n      id\n      number\n    }\n  }\n": types.VoidInvoiceDocument,
    "\n  mutation ReissueInvoice($id: ID!, $reason: String!) {\n    reissueInvoice(id: $id, reason: $reason) {\n      id\n      number\n    }\n  }\n": types.ReissueInvoiceDocument,
    "\n  query AuditLog($actorId: ID, $tenantId: ID, $kind: AuditKind, $first: Int!, $after: String) {\n    auditLog(actorId: $actorId, tenantId: $tenantId, kind: $kind, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          actorType\n          actorId\n          tenantId\n          targetType\n          targetId\n          reason\n          requestId\n          amount\n          currency\n          transactionId\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query FinanceOverview($currency: String!, $from: DateTime!, $to: DateTime!) {\n    financeOverview(currency: $currency, from: $from, to: $to) {\n      currency\n      balance\n      paid\n      promotional\n      wallets\n      pendingUsage\n      walletsByDebtState {\n        state\n        wallets\n      }\n      dailyTotals {\n        day\n        charges\n        recharges\n      }\n    }\n    reconciliationReports(first: 1) {\n      ...ReconciliationRun\n    }\n  }\n": types.FinanceOverviewDocument,
    "\n  fragment ReconciliationRun on ReconciliationReport {\n    id\n    trigger\n    status\n    fromHour\n    toHour\n    startedAt\n    finishedAt\n    hoursChecked\n    flaggedHours\n    refilledSamples\n    adjustments\n    sourceMismatches\n    ledgerMismatches\n    findings {\n      kind\n      action\n      namespace\n      hour\n      detail\n    }\n  }\n": types.ReconciliationRunFragmentDoc,
    "\n  query DebtBoard($state: DebtState!, $first: Int!, $after: String) {\n    debtBoard(state: $state, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          state\n          since\n          tenant {\n            id\n            name\n          }\n          wallet {\n            id\n            kind\n            balance\n            availableBalance\n            currency\n            runsOutAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DebtBoardDocument,
    "\n  query ReconciliationRuns($first: Int!, $before: DateTime) {\n    reconciliationReports(first: $first, before: $before) {\n      ...ReconciliationRun\n    }\n  }\n": types.ReconciliationRunsDocument,
    "\n  query PriceBooks($currency: String!) {\n    priceBooks(currency: $currency, first: 50) {\n      ...PriceBookVersion\n    }\n    priceBook(currency: $currency) {\n      ...PriceBookVersion\n    }\n  }\n": types.PriceBooksDocument,
    "\n  fragment PriceBookVersion on PriceBook {\n    id\n    version\n    currency\n    effectiveFrom\n    prices {\n      resource\n      unit\n      pricePerUnitHour\n      scale\n    }\n  }\n": types.PriceBookVersionFragmentDoc,
    "\n  mutation CreatePriceBookVersion($input: CreatePriceBookVersionInput!) {\n    createPriceBookVersion(input: $input) {\n      ...PriceBookVersion\n    }\n  }\n": types.CreatePriceBookVersionDocument,
    "\n  query NamespaceUsage($namespace: String!, $from: DateTime!, $to: DateTime!) {\n    workspace(namespace: $namespace) {\n      namespace\n      pendingCharges\n      tenant {\n        id\n        name\n      }\n      wallet {\n        currency\n      }\n      usage(from: $from, to: $to) {\n        hour\n        resource\n        quantity\n        amount\n      }\n    }\n  }\n": types.NamespaceUsageDocument,
    "\n  query TenantBills($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      dailySpend(from: $from, to: $to, groupBy: NAMESPACE) {\n        day\n        key\n        amount\n      }\n    }\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      periodStart\n      periodEnd\n      status\n      total\n      pdfUrl\n    }\n  }\n": types.TenantBillsDocument,
    "\n  query TenantDayLines($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    tenant(id: $tenantId) {\n      id\n      workspaces {\n        id\n        namespace\n        usage(from: $from, to: $to) {\n          namespace\n          hour\n          resource\n          quantity\n          amount\n        }\n      }\n    }\n  }\n": types.TenantDayLinesDocument,
    "\n  query TenantStatement($tenantId: ID!, $month: String!) {\n    statement(tenantId: $tenantId, month: $month) {\n      currency\n      final\n      periodStart\n      periodEnd\n      opening\n      recharges\n      charges\n      adjustments\n      other\n      closing\n      usage {\n        namespace\n        resource\n        amount\n      }\n    }\n  }\n": types.TenantStatementDocument,
    "\n  query TenantBudgets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        id\n        balance\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          id\n          balance\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        subAccount {\n          id\n        }\n      }\n    }\n  }\n": types.TenantBudgetsDocument,
    "\n  mutation CreateSubAccount($input: CreateSubAccountInput!) {\n    createSubAccount(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateSubAccountDocument,
    "\n  mutation SetMonthlyBudget($subAccountId: ID!, $amount: Money) {\n    setMonthlyBudget(subAccountId: $subAccountId, amount: $amount) {\n      id\n      monthlyBudget\n    }\n  }\n": types.SetMonthlyBudgetDocument,
    "\n  mutation SetSpendingCap($input: SetSpendingCapInput!) {\n    setSpendingCap(input: $input) {\n      workspace {\n        id\n      }\n      subAccount {\n        id\n      }\n    }\n  }\n": types.SetSpendingCapDocument,
    "\n  query WalletAlerts($walletId: ID!) {\n    alerts(walletId: $walletId) {\n      id\n      kind\n      state\n      amount\n      percent\n      hours\n      lastTransitionAt\n    }\n  }\n": types.WalletAlertsDocument,
    "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) {\n      id\n      state\n    }\n  }\n": types.CreateAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id) {\n      id\n    }\n  }\n": types.DeleteAlertDocument,
    "\n  query CurrentPriceBook($currency: String!) {\n    priceBook(currency: $currency) {\n      id\n      version\n      currency\n      effectiveFrom\n      prices {\n        resource\n        unit\n        pricePerUnitHour\n        scale\n      }\n    }\n  }\n": types.CurrentPriceBookDocument,
    "\n  query FinanceTenants($search: String, $first: Int!, $after: String) {\n    tenants(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          currency\n          wallet {\n            id\n            balance\n            currency\n            debtState\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FinanceTenantsDocument,
    "\n  query FinanceTenant($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          ...WalletFigures\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        suspensionReasons\n        subAccount {\n          id\n          name\n        }\n      }\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": types.FinanceTenantDocument,
    "\n  query LedgerEntries($walletId: ID!, $first: Int!, $after: String, $filter: LedgerEntryFilter) {\n    wallet(id: $walletId) {\n      id\n      currency\n      entries(first: $first, after: $after, filter: $filter) {\n        edges {\n          node {\n            id\n            amount\n            createdAt\n            transaction {\n              id\n              kind\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.LedgerEntriesDocument,
    "\n  mutation ExportLedgerEntries($walletId: ID!, $filter: LedgerEntryFilter) {\n    exportLedgerEntries(walletId: $walletId, filter: $filter) {\n      url\n      expiresAt\n    }\n  }\n": types.ExportLedgerEntriesDocument,
    "\n  query SignedInUser {\n    me {\n      id\n      externalId\n      email\n      platformRole\n      memberships {\n        role\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SignedInUserDocument,
    "\n  query ApiKeyTenant {\n    apiKeyTenant {\n      id\n      name\n    }\n  }\n": types.ApiKeyTenantDocument,
    "\n  query TenantSpending($tenantId: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n      }\n      dailySpend(from: $from, to: $to, groupBy: $groupBy) {\n        day\n        key\n        amount\n      }\n    }\n  }\n": types.TenantSpendingDocument,
    "\n  query TenantRecharges($tenantId: ID!, $first: Int!, $after: String) {\n    recharges(tenantId: $tenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          status\n          amount\n          bonus\n          refunded\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TenantRechargesDocument,
    "\n  query WalletCredits($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      credits {\n        id\n        source\n        reason\n        amount\n        remaining\n        used\n        expired\n        grantedAt\n        expiresAt\n        expiredAt\n      }\n    }\n  }\n": types.WalletCreditsDocument,
    "\n  mutation StartRecharge($input: StartRechargeInput!) {\n    startRecharge(input: $input) {\n      id\n      status\n      checkoutUrl\n    }\n  }\n": types.StartRechargeDocument,
    "\n  query Recharge($id: ID!) {\n    recharge(id: $id) {\n      id\n      status\n      amount\n      bonus\n      wallet {\n        id\n        currency\n        balance\n      }\n    }\n  }\n": types.RechargeDocument,
    "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      id\n    }\n  }\n": types.TransferDocument,
    "\n  fragment WalletFigures on Wallet {\n    id\n    kind\n    currency\n    balance\n    pendingCharges\n    availableBalance\n    spendRate\n    runsOutAt\n    pendingThrough\n    debtState\n  }\n": types.WalletFiguresFragmentDoc,
    "\n  query TenantWallets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        wallet {\n          ...WalletFigures\n        }\n      }\n    }\n  }\n": types.TenantWalletsDocument,
    "\n  query WebhookEndpoints($tenantId: ID!) {\n    webhookEndpoints(tenantId: $tenantId) {\n      id\n      url\n      eventTypes\n      createdAt\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          eventType\n          status\n          createdAt\n          attempts {\n            attempt\n            statusCode\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantMembers($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      members {\n        role\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TenantMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): typeof import('./graphql').TenantApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($tenantId: ID!, $name: String!) {\n    createApiKey(tenantId: $tenantId, name: $name) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      role\n      user {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').AddMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) {\n      id\n      createdAt\n    }\n  }\n"): typeof import('./graphql').AdjustBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantCredit(\n    $walletId: ID!\n    $amount: Money!\n    $expiresAt: DateTime!\n    $reason: String!\n    $idempotencyKey: String\n  ) {\n    grantCredit(\n      walletId: $walletId\n      amount: $amount\n      expiresAt: $expiresAt\n      reason: $reason\n      idempotencyKey: $idempotencyKey\n    ) {\n      id\n      amount\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').GrantCreditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendNamespace($namespace: String!, $reason: String!) {\n    suspendNamespace(namespace: $namespace, reason: $reason) {\n      id\n      namespace\n    }\n  }\n"): typeof import('./graphql').SuspendNamespaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeNamespace($namespace: String!, $reason: String!) {\n    resumeNamespace(namespace: $namespace, reason: $reason) {\n      id\n      namespace\n    }\n  }\n"): typeof import('./graphql').ResumeNamespaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantInvoices($tenantId: ID!) {\n    invoices(tenantId: $tenantId) {\n      id\n      number\n      status\n      total\n      currency\n      periodStart\n      voidReason\n      reissueOf\n    }\n  }\n"): typeof import('./graphql').TenantInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidInvoice($id: ID!, $reason: String!) {\n    voidInvoice(id: $id, reason: $reason) {\n      id\n      number\n    }\n  }\n"): typeof import('./graphql').VoidInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReissueInvoice($id: ID!, $reason: String!) {\n    reissueInvoice(id: $id, reason: $reason) {\n      id\n      number\n    }\n  }\n"): typeof import('./graphql').ReissueInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($actorId: ID, $tenantId: ID, $kind: AuditKind, $first: Int!, $after: String) {\n    auditLog(actorId: $actorId, tenantId: $tenantId, kind: $kind, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          actorType\n          actorId\n          tenantId\n          targetType\n          targetId\n          reason\n          requestId\n          amount\n          currency\n          transactionId\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FinanceOverview($currency: String!, $from: DateTime!, $to: DateTime!) {\n    financeOverview(currency: $currency, from: $from, to: $to) {\n      currency\n      balance\n      paid\n      promotional\n      wallets\n      pendingUsage\n      walletsByDebtState {\n        state\n        wallets\n      }\n      dailyTotals {\n        day\n        charges\n        recharges\n      }\n    }\n    reconciliationReports(first: 1) {\n      ...ReconciliationRun\n    }\n  }\n"): typeof import('./graphql').FinanceOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReconciliationRun on ReconciliationReport {\n    id\n    trigger\n    status\n    fromHour\n    toHour\n    startedAt\n    finishedAt\n    hoursChecked\n    flaggedHours\n    refilledSamples\n    adjustments\n    sourceMismatches\n    ledgerMismatches\n    findings {\n      kind\n      action\n      namespace\n      hour\n      detail\n    }\n  }\n"): typeof import('./graphql').ReconciliationRunFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DebtBoard($state: DebtState!, $first: Int!, $after: String) {\n    debtBoard(state: $state, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          state\n          since\n          tenant {\n            id\n            name\n          }\n          wallet {\n            id\n            kind\n            balance\n            availableBalance\n            currency\n            runsOutAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').DebtBoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationRuns($first: Int!, $before: DateTime) {\n    reconciliationReports(first: $first, before: $before) {\n      ...ReconciliationRun\n    }\n  }\n"): typeof import('./graphql').ReconciliationRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceBooks($currency: String!) {\n    priceBooks(currency: $currency, first: 50) {\n      ...PriceBookVersion\n    }\n    priceBook(currency: $currency) {\n      ...PriceBookVersion\n    }\n  }\n"): typeof import('./graphql').PriceBooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PriceBookVersion on PriceBook {\n    id\n    version\n    currency\n    effectiveFrom\n    prices {\n      resource\n      unit\n      pricePerUnitHour\n      scale\n    }\n  }\n"): typeof import('./graphql').PriceBookVersionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePriceBookVersion($input: CreatePriceBookVersionInput!) {\n    createPriceBookVersion(input: $input) {\n      ...PriceBookVersion\n    }\n  }\n"): typeof import('./graphql').CreatePriceBookVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NamespaceUsage($namespace: String!, $from: DateTime!, $to: DateTime!) {\n    workspace(namespace: $namespace) {\n      namespace\n      pendingCharges\n      tenant {\n        id\n        name\n      }\n      wallet {\n        currency\n      }\n      usage(from: $from, to: $to) {\n        hour\n        resource\n        quantity\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').NamespaceUsageDocument;
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
export function graphql(source: "\n  query TenantBudgets($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        id\n        balance\n      }\n      subAccounts {\n        id\n        name\n        monthlyBudget\n        spendingCap\n        wallet {\n          id\n          balance\n        }\n      }\n      workspaces {\n        id\n        namespace\n        state\n        spendingCap\n        subAccount {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TenantBudgetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSubAccount($input: CreateSubAccountInput!) {\n    createSubAccount(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateSubAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMonthlyBudget($subAccountId: ID!, $amount: Money) {\n    setMonthlyBudget(subAccountId: $subAccountId, amount: $amount) {\n      id\n      monthlyBudget\n    }\n  }\n"): typeof import('./graphql').SetMonthlyBudgetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSpendingCap($input: SetSpendingCapInput!) {\n    setSpendingCap(input: $input) {\n      workspace {\n        id\n      }\n      subAccount {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').SetSpendingCapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletAlerts($walletId: ID!) {\n    alerts(walletId: $walletId) {\n      id\n      kind\n      state\n      amount\n      percent\n      hours\n      lastTransitionAt\n    }\n  }\n"): typeof import('./graphql').WalletAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').CreateAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').DeleteAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentPriceBook($currency: String!) {\n    priceBook(currency: $currency) {\n      id\n      version\n      currency\n      effectiveFrom\n      prices {\n        resource\n        unit\n        pricePerUnitHour\n        scale\n      }\n    }\n  }\n"): typeof import('./graphql').CurrentPriceBookDocument;
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
export function graphql(source: "\n  query LedgerEntries($walletId: ID!, $first: Int!, $after: String, $filter: LedgerEntryFilter) {\n    wallet(id: $walletId) {\n      id\n      currency\n      entries(first: $first, after: $after, filter: $filter) {\n        edges {\n          node {\n            id\n            amount\n            createdAt\n            transaction {\n              id\n              kind\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LedgerEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportLedgerEntries($walletId: ID!, $filter: LedgerEntryFilter) {\n    exportLedgerEntries(walletId: $walletId, filter: $filter) {\n      url\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ExportLedgerEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedInUser {\n    me {\n      id\n      externalId\n      email\n      platformRole\n      memberships {\n        role\n        tenant {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SignedInUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyTenant {\n    apiKeyTenant {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ApiKeyTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSpending($tenantId: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      currency\n      wallet {\n        ...WalletFigures\n      }\n      subAccounts {\n        id\n        name\n      }\n      dailySpend(from: $from, to: $to, groupBy: $groupBy) {\n        day\n        key\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').TenantSpendingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantRecharges($tenantId: ID!, $first: Int!, $after: String) {\n    recharges(tenantId: $tenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          status\n          amount\n          bonus\n          refunded\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').TenantRechargesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletCredits($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      credits {\n        id\n        source\n        reason\n        amount\n        remaining\n        used\n        expired\n        grantedAt\n        expiresAt\n        expiredAt\n      }\n    }\n  }\n"): typeof import('./graphql').WalletCreditsDocument;
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints($tenantId: ID!) {\n    webhookEndpoints(tenantId: $tenantId) {\n      id\n      url\n      eventTypes\n      createdAt\n    }\n  }\n"): typeof import('./graphql').WebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          eventType\n          status\n          createdAt\n          attempts {\n            attempt\n            statusCode\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"): typeof import('./graphql').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').DeleteWebhookEndpointDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
