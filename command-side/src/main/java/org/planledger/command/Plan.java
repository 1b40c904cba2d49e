package org.planledger.command;

class Plan {
}
