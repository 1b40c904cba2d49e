package org.planledger.command;

class Action {
}
