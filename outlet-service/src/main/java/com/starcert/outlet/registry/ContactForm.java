package com.starcert.outlet.registry;

/** Contact as a client sends it. */
public record ContactForm(String name, String phone) {

    static final int MAX_NAME = 100;

    public static Contact parse(ContactForm form, String prefix, Violations violations) {
        ContactForm f = form == null ? new ContactForm(null, null) : form;
        String name = violations.text(prefix + ".name", f.name(), MAX_NAME);
        Phone phone = violations.value(prefix + ".phone", f.phone(), Phone::parse);
        return name == null || phone == null ? null : new Contact(name, phone.value());
    }
}
