package com.starcert.outlet.registry;

/** Contact person (联系人) and phone. */
public record Contact(String name, String phone) {
}
