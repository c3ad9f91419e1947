package com.starcert.audit.planning;

/** Why a site is in the plan: always (the central function), drawn at random, or chosen on risk. */
public enum Selection { CENTRAL, RANDOM, RISK }
