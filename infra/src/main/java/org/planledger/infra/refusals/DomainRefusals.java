package org.planledger.infra.refusals;

import org.planledger.command.api.CommandRejectedException;

import java.util.List;

/** The command side's business rejections: a status from the rejection's kind, its stable code, the field it names. */
public final class DomainRefusals {

    private DomainRefusals() {
    }

    public static Refusal of(CommandRejectedException rejection) {
        Refusal.Kind kind = switch (rejection.code().kind()) {
            case INVALID -> Refusal.Kind.INVALID;
            case NOT_FOUND -> Refusal.Kind.NOT_FOUND;
            case STATE_CONFLICT, DUPLICATE -> Refusal.Kind.CONFLICT;
            case FORBIDDEN -> Refusal.Kind.FORBIDDEN;
        };
        List<FieldProblem> errors = rejection.field() == null ? List.of()
                : List.of(new FieldProblem(rejection.field(), rejection.getMessage()));
        return new Refusal(kind, rejection.code().name().toLowerCase().replace('_', '-'), rejection.code().name(),
                rejection.getMessage(), rejection.field(), errors, null);
    }
}
