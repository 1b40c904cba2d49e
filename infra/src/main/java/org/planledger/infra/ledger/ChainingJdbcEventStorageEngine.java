package org.planledger.infra.ledger;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.planledger.events.BoardMeetingRecorded;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Axon's JDBC engine, plus the ledger's chain: right after Axon inserts a batch of events, and in
 * the same transaction on the same connection, each event's chain row is written to
 * {@code ledger_chain} ({@link LedgerChain}). Axon appends in the unit of work's prepare-commit
 * phase, inside the transaction the command bus opened through Spring's transaction manager, so an
 * event and its chain row commit together or not at all; an append outside any transaction gets
 * one transaction for both.
 * <p>
 * When a batch holds a {@link BoardMeetingRecorded}, a checkpoint is recorded once that transaction
 * has committed (never for a rolled-back meeting).
 */
public class ChainingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final ConnectionProvider connectionProvider;
    private final TransactionManager transactionManager;
    private final LedgerChain chain;
    private final Consumer<BoardMeetingRecorded> boardMeetingCommitted;
    private final UnaryOperator<List<EventMessage<?>>> storedForm;

    public ChainingJdbcEventStorageEngine(Builder builder, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, LedgerChain chain,
                                          Consumer<BoardMeetingRecorded> boardMeetingCommitted) {
        this(builder, connectionProvider, transactionManager, chain, boardMeetingCommitted, UnaryOperator.identity());
    }

    /**
     * @param storedForm what is stored for a batch of events, worked out inside the append's transaction:
     *                   the personal fields of referral events encrypted (docs/data-protection.md).
     *                   The chain then hashes those stored bytes, so deleting a key never breaks it.
     */
    public ChainingJdbcEventStorageEngine(Builder builder, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, LedgerChain chain,
                                          Consumer<BoardMeetingRecorded> boardMeetingCommitted,
                                          UnaryOperator<List<EventMessage<?>>> storedForm) {
        super(builder);
        this.connectionProvider = connectionProvider;
        this.transactionManager = transactionManager;
        this.chain = chain;
        this.boardMeetingCommitted = boardMeetingCommitted;
        this.storedForm = storedForm;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(storedForm.apply(List.copyOf(events)), serializer);
            List<String> identifiers = events.stream().map(EventMessage::getIdentifier).toList();
            try (Connection connection = connectionProvider.getConnection()) {
                chain.chainAppended(connection, identifiers);
            } catch (SQLException e) {
                throw new EventStoreException("ledger: could not chain the appended events", e);
            } catch (Error e) {
                // Axon's unit of work rolls back on exceptions only: an Error here would leave the
                // transaction neither committed nor rolled back, and a later commit would store the
                // events without their chain rows.
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                throw new EventStoreException("ledger: could not chain the appended events: " + e, e);
            }
            for (EventMessage<?> event : events) {
                if (event.getPayload() instanceof BoardMeetingRecorded meeting) {
                    afterCommit(() -> boardMeetingCommitted.accept(meeting));
                }
            }
        });
    }

    private static void afterCommit(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    task.run();
                }
            });
        } else {
            task.run();
        }
    }
}
