/* sw-case-card.c — one case as a card on the board
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-board-logic.h"
#include "sw-case-card.h"
#include "sw-deadline.h"
#include "sw-mask.h"
#include "sw-ui-util.h"

typedef enum {
  BADGE_PROMISE_BROKEN,
  BADGE_REOPENED,
  BADGE_REPEAT,
  BADGE_ESCALATED,
  BADGE_ANONYMOUS,
  N_BADGES
} Badge;

struct _SwCaseCard
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  GtkLabel       *number_label;
  GtkLabel       *kind_label;
  GtkMenuButton  *menu_button;
  GtkLabel       *customer_label;
  GtkLabel       *content_label;
  GtkLabel       *people_label;
  GtkLabel       *due_label;
  GtkWidget      *badges;

  /* owned */
  GtkWidget      *badge[N_BADGES];   /* in badges, made when first shown */
  SwContext      *context;
  SwCase         *kase;
  GtkWidget      *context_menu;
  gulong          tick_handler;
};

G_DEFINE_FINAL_TYPE (SwCaseCard, sw_case_card, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_CASE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const urgency_classes[] = {
  "due-none", "due-calm", "due-soon", "due-urgent", "due-overdue",
};

/* Beside the moves: what changes no column. */
static const SwOpKind menu_operations[] = {
  SW_OP_URGE, SW_OP_ESCALATE, SW_OP_HANDOVER, SW_OP_NOTE,
};

/* Most cards have no badge: they are made on first use, not with each card. */
static const struct {
  const char *label;
  const char *css_class;
} badge_kinds[N_BADGES] = {
  [BADGE_PROMISE_BROKEN] = { N_("Promise missed"), "badge-overdue" },
  [BADGE_REOPENED] = { N_("Reopened"), "badge-reopened" },
  [BADGE_REPEAT] = { N_("Repeat complaint"), "badge-repeat" },
  [BADGE_ESCALATED] = { N_("Escalated"), "badge-escalated" },
  [BADGE_ANONYMOUS] = { N_("Anonymous"), NULL },
};

static void
show_badge (SwCaseCard *self,
            Badge       which,
            gboolean    shown)
{
  GtkWidget *before = NULL;

  if (self->badge[which] == NULL)
    {
      if (!shown)
        return;
      self->badge[which] = gtk_label_new (_(badge_kinds[which].label));
      gtk_widget_add_css_class (self->badge[which], "badge");
      if (badge_kinds[which].css_class != NULL)
        gtk_widget_add_css_class (self->badge[which], badge_kinds[which].css_class);
      for (int i = which - 1; i >= 0 && before == NULL; i--)
        before = self->badge[i];
      /* after the kind of case, which leads the row */
      if (before == NULL)
        before = GTK_WIDGET (self->kind_label);
      gtk_box_insert_child_after (GTK_BOX (self->badges), self->badge[which], before);
    }
  gtk_widget_set_visible (self->badge[which], shown);
}

GMenuModel *
sw_case_card_build_menu (SwCaseCard *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  const char *id = sw_case_get_id (self->kase);
  SwState state = sw_case_get_state (self->kase);
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Open"), NULL);

  g_menu_item_set_action_and_target (item, "board.open", "s", id);
  g_menu_append_item (open, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  if (sw_context_can_edit (self->context))
    {
      SwStore *store = sw_context_get_store (self->context);
      const char *user = sw_context_get_user_empno (self->context);
      gboolean offered[SW_N_OPS] = { FALSE };

      /* The moves the core allows now, named by what they do (接收, 退回 …). */
      for (guint col = 0; col < SW_N_STATES; col++)
        {
          SwOpKind op;
          g_autoptr(GMenuItem) mv = NULL;

          if (col == state ||
              (op = sw_board_allowed_move (store, user, self->kase, col)) == SW_OP_NONE ||
              offered[op])
            continue;
          offered[op] = TRUE;
          mv = g_menu_item_new (_(sw_operation_info (op)->label), NULL);
          g_menu_item_set_action_and_target (mv, "board.move", "(si)", id, (int) col);
          g_menu_append_item (moves, mv);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));

      for (guint i = 0; i < G_N_ELEMENTS (menu_operations); i++)
        {
          const SwOpInfo *info = sw_operation_info (menu_operations[i]);
          g_autoptr(GMenuItem) it = NULL;

          if (offered[menu_operations[i]] ||
              !sw_operation_check (menu_operations[i], store, user, id, NULL))
            continue;
          it = g_menu_item_new (_(info->label), NULL);
          g_menu_item_set_action_and_target (it, "board.operation", "(ss)", info->name, id);
          g_menu_append_item (more, it);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (more));
    }
  return G_MENU_MODEL (menu);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       data)
{
  SwCaseCard *self = data;
  g_autoptr(GMenuModel) model = NULL;

  if (self->kase == NULL)
    return;
  model = sw_case_card_build_menu (self);
  gtk_menu_button_set_menu_model (button, model);
}

/* What a screen reader says for the card; the due text changes with the clock. */
static void
update_accessible_label (SwCaseCard *self)
{
  SwCase *c = self->kase;
  g_autofree char *label = NULL;

  /* Translators: a case card read by a screen reader: case number, state,
   * due time (e.g. "overdue by 2 d 3 h"), kind of case, masked customer,
   * e.g. "BJ01-A-20261123-0001, In progress, overdue by 2 d 3 h, Complaint, 张* · 138****1234" */
  label = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s, %5$s"),
                           sw_case_get_number (c),
                           sw_column_label (sw_case_get_state (c)),
                           gtk_label_get_label (self->due_label),
                           sw_kind_label (sw_case_get_kind (c)),
                           gtk_label_get_label (self->customer_label));
  sw_set_accessible_label (GTK_WIDGET (self), label);
}

static void
update_due (SwCaseCard *self)
{
  gint64 now = sw_context_now (self->context);
  SwDeadline deadline = sw_case_running_deadline (self->kase);
  SwUrgency urgency = sw_case_urgency (self->kase, now);
  gboolean broken = sw_case_promise_broken (self->kase, now);
  g_autofree char *text = NULL;

  /* The minute's tick changes few cards: a class or text set again would
   * style or lay out every card anew. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->due_label), urgency_classes[urgency]))
    {
      for (guint i = 0; i < G_N_ELEMENTS (urgency_classes); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), urgency_classes[i]);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), urgency_classes[urgency]);
    }

  if (!sw_case_is_open (self->kase))
    {
      g_autofree char *when = sw_context_format_time (self->context, sw_case_get_closed_at (self->kase));
      /* Translators: %s is a date and time */
      text = g_strdup_printf (_("closed %s"), when);
    }
  else if (deadline.kind != SW_DEADLINE_NONE)
    {
      g_autofree char *due = sw_deadline_format (sw_context_get_calendar (self->context),
                                                 deadline.due_at, now);
      /* Translators: the deadline that runs and when it falls due,
       * e.g. "Awaiting reply · 3 working hours left" */
      text = g_strdup_printf (_("%1$s · %2$s"), sw_deadline_kind_label (deadline.kind), due);
    }
  if (text == NULL)
    text = g_strdup (_("no deadline"));
  if (g_strcmp0 (gtk_label_get_label (self->due_label), text) != 0)
    gtk_label_set_label (self->due_label, text);
  /* One overdue marker: the due line, unless the broken promise lies behind. */
  if (broken && urgency == SW_URGENCY_OVERDUE && deadline.due_at == sw_case_get_promised_at (self->kase))
    broken = FALSE;
  show_badge (self, BADGE_PROMISE_BROKEN, broken);
  update_accessible_label (self);
}

static void
tick_cb (SwContext  *context,
         SwCaseCard *self)
{
  if (self->kase != NULL)
    update_due (self);
}

static void
update (SwCaseCard *self)
{
  SwCase *c = self->kase;
  g_autofree char *kind = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *people = NULL;
  const char *owner, *handler;

  if (c == NULL)
    return;

  gtk_label_set_label (self->number_label, sw_case_get_number (c));
  kind = g_strdup_printf ("%s · %s", sw_kind_label (sw_case_get_kind (c)),
                          sw_channel_label (sw_case_get_channel (c)));
  gtk_label_set_label (self->kind_label, kind);

  if (sw_case_get_anonymous (c))
    customer = g_strdup (_("Anonymous customer"));
  else if ((customer = sw_mask_customer (sw_case_get_customer_name (c),
                                         sw_case_get_customer_phone (c))) == NULL)
    customer = sw_case_get_customer_unit (c) ? sw_mask_unit (sw_case_get_customer_unit (c)) : g_strdup ("—");
  gtk_label_set_label (self->customer_label, customer);
  gtk_label_set_label (self->content_label, sw_case_get_content (c));

  owner = sw_context_staff_name (self->context, sw_case_get_owner (c));
  handler = sw_context_staff_name (self->context, sw_case_get_handler (c));
  if (sw_case_get_state (c) == SW_STATE_TRANSFERRED)
    /* Translators: first-inquiry person, then the department a case was transferred to */
    people = g_strdup_printf (_("First-inquiry %s · transferred to %s"), owner,
                              sw_context_department_name (self->context, sw_case_get_target_department (c)));
  else if (g_strcmp0 (sw_case_get_owner (c), sw_case_get_handler (c)) == 0 || *handler == '\0')
    /* Translators: the first-inquiry person, who also handles the case */
    people = g_strdup_printf (_("First-inquiry and handler: %s"), owner);
  else
    /* Translators: the first-inquiry person and the handler */
    people = g_strdup_printf (_("First-inquiry %s · handler %s"), owner, handler);
  gtk_label_set_label (self->people_label, people);

  show_badge (self, BADGE_REOPENED, sw_case_get_reopen_count (c) > 0);
  show_badge (self, BADGE_REPEAT, sw_context_is_repeat_complaint (self->context, c));
  show_badge (self, BADGE_ESCALATED,
              sw_case_get_escalated_to (c) != NULL && *sw_case_get_escalated_to (c) != '\0');
  show_badge (self, BADGE_ANONYMOUS, sw_case_get_anonymous (c));
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), TRUE);
  update_due (self);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 SwCaseCard    *self)
{
  if (self->kase == NULL || !sw_context_can_edit (self->context))
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, sw_case_get_id (self->kase));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               SwCaseCard    *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

/* The whole content as a tooltip, asked for when shown: setting a tooltip
 * at each bind asks the display server where the pointer is. */
static gboolean
content_tooltip_cb (GtkWidget  *label,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip,
                    SwCaseCard *self)
{
  if (self->kase == NULL || sw_case_get_content (self->kase) == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, sw_case_get_content (self->kase));
  return TRUE;
}

static void
right_click_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                SwCaseCard      *self)
{
  sw_case_card_popup_menu (self);
}

static void
sw_case_card_dispose (GObject *object)
{
  SwCaseCard *self = SW_CASE_CARD (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->tick_handler, self->context);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_CASE_CARD);
  g_clear_object (&self->kase);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_case_card_parent_class)->dispose (object);
}

static void
sw_case_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwCaseCard *self = SW_CASE_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_case_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwCaseCard *self = SW_CASE_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->tick_handler = g_signal_connect (self->context, "tick", G_CALLBACK (tick_cb), self);
      break;
    case PROP_CASE:
      sw_case_card_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_case_card_class_init (SwCaseCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_case_card_dispose;
  object_class->get_property = sw_case_card_get_property;
  object_class->set_property = sw_case_card_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, SW_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-case-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, box);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, customer_label);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, content_label);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, people_label);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, due_label);
  gtk_widget_class_bind_template_child (widget_class, SwCaseCard, badges);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-case-card");
}

static void
sw_case_card_init (SwCaseCard *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->content_label), TRUE);
  g_signal_connect (self->content_label, "query-tooltip", G_CALLBACK (content_tooltip_cb), self);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
sw_case_card_new (SwContext *context)
{
  return g_object_new (SW_TYPE_CASE_CARD, "context", context, NULL);
}

SwCase *
sw_case_card_get_case (SwCaseCard *self)
{
  return self->kase;
}

void
sw_case_card_set_case (SwCaseCard *self,
                       SwCase     *c)
{
  g_return_if_fail (SW_IS_CASE_CARD (self));

  if (g_set_object (&self->kase, c))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
    }
}

void
sw_case_card_popup_menu (SwCaseCard *self)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->kase == NULL)
    return;
  model = sw_case_card_build_menu (self);
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}
