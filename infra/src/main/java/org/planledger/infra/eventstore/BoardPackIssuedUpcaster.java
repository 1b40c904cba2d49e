package org.planledger.infra.eventstore;

import com.fasterxml.jackson.databind.node.IntNode;
import org.planledger.events.BoardPackIssued;
import org.springframework.stereotype.Component;

/**
 * BoardPackIssued revision 1 (before packs recorded their layout) read as revision 2 with
 * {@code layout} 1: every pack issued before the field existed was laid out under the first layout
 * (regular face only, no indicator charts).
 */
@Component
public class BoardPackIssuedUpcaster extends FieldAddingUpcaster {

    static final int FIRST_LAYOUT = 1;

    public BoardPackIssuedUpcaster() {
        super(BoardPackIssued.class, "1", "2", "layout", pack -> IntNode.valueOf(FIRST_LAYOUT));
    }
}
