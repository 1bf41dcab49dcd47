package io.tinynets.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import io.tinynets.classroom.Account;

import java.util.List;
import java.util.function.Consumer;

/**
 * Choosing the teacher who takes classes over: from the class page (one class) and from the admin page (all classes
 * of an account about to be deleted). Says so plainly when there is nobody to choose.
 */
class HandOverDialog extends Dialog {

    final Select<Account> to = new Select<>();
    final Button confirm = new Button();

    /**
     * @param candidates the teachers and admins who may take over
     * @param onConfirm  hands over to the chosen one (the caller closes the dialog when that worked)
     */
    HandOverDialog(String header, String text, String confirmText, List<Account> candidates,
                   Consumer<Account> onConfirm) {
        setHeaderTitle(header);
        add(new Paragraph(text));
        to.setLabel(getTranslation("classroom.admin.handOver.to"));
        to.setItems(candidates);
        to.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        confirm.setText(confirmText);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> {
            if (to.getValue() != null) {
                onConfirm.accept(to.getValue());
            }
        });
        to.addValueChangeListener(e -> confirm.setEnabled(e.getValue() != null));
        if (candidates.isEmpty()) {
            add(new Paragraph(getTranslation("classroom.admin.handOver.noTeacher")));
        } else {
            add(to);
            getFooter().add(confirm);
        }
        getFooter().add(new Button(getTranslation("classroom.cancel"), e -> close()));
    }
}
