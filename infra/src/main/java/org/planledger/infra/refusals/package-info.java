/**
 * What went wrong with a request, and which field, in words a person can act on: one model
 * ({@link org.planledger.infra.refusals.Refusal}) that the API writes as problem+json and the web
 * pages show beside the form's fields. Split by where the failure comes from: the command side's
 * rules ({@link org.planledger.infra.refusals.DomainRefusals}), the shape of the input
 * ({@link org.planledger.infra.refusals.InputProblems}: Jackson and Bean Validation) and Axon's
 * wrapping of both ({@link org.planledger.infra.refusals.CommandFailures}).
 */
package org.planledger.infra.refusals;
