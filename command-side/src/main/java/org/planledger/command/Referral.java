package org.planledger.command;

class Referral {
}
